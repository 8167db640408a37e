package dev.redisdb;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A conflict-safe update ({@link RedisUserStore#update}) found the user saved by someone else on every attempt.
 * Nothing of the failed update was written.
 *
 * @since 0.1.0
 */
public class RedisDbConflictException extends OptimisticLockingFailureException {

	/**
	 * @param message what failed
	 */
	public RedisDbConflictException(String message) {
		super(message);
	}

}

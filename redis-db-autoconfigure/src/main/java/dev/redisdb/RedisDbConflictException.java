package dev.redisdb;

/**
 * A conflict-safe update ({@link RedisUserStore#update}) found the user saved by someone else on every attempt.
 * Nothing of the failed update was written.
 */
public class RedisDbConflictException extends RedisDbException {

	public RedisDbConflictException(String message) {
		super(message);
	}

}

package dev.redisdb;

import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Redis could not be reached, did not answer in time, or answered with an error it gives while it fails over,
 * reshards or loads its data ({@code CLUSTERDOWN}, {@code TRYAGAIN}, {@code MOVED}, {@code ASK}, {@code LOADING},
 * {@code MASTERDOWN}, {@code READONLY}). Transient: the same call may succeed later. Its message names the server,
 * never a password.
 *
 * @since 0.1.0
 */
public class RedisDbUnavailableException extends TransientDataAccessResourceException {

	/**
	 * @param message what failed and where, without secrets
	 * @param cause the underlying failure
	 */
	public RedisDbUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}

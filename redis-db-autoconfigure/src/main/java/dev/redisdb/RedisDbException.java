package dev.redisdb;

/**
 * Thrown by {@link RedisUserStore} when Redis cannot be reached or answers with an error, or when a stored value
 * cannot be decoded. Its message names the server or the key and entry concerned, never a password or a stored
 * value.
 */
public class RedisDbException extends RuntimeException {

	public RedisDbException(String message) {
		super(message);
	}

	public RedisDbException(String message, Throwable cause) {
		super(message, cause);
	}

}

package dev.redisdb;

/**
 * Redis could not be reached or did not answer within the command timeout. Nothing was written by the failed call;
 * retrying later is safe. Its message names the server, never a password.
 */
public class RedisDbUnavailableException extends RedisDbException {

	public RedisDbUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}

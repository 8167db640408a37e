package dev.redisdb;

/**
 * A stored value cannot be read: it is not what its entry should hold (not JSON, not an object, a field of the wrong
 * type, an unparsable timestamp, or a key of another Redis type). Its message names the key and entry, never the
 * value. Nothing was overwritten.
 */
public class RedisDbDataException extends RedisDbException {

	public RedisDbDataException(String message, Throwable cause) {
		super(message, cause);
	}

}

package dev.redisdb;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataRetrievalFailureException;

/**
 * A stored value cannot be read: it is not what its entry should hold (not JSON, not an object, a field of the wrong
 * type, an unparsable timestamp, a value that does not decrypt, or a key of another Redis type). Its message names
 * the key and entry, never the value. Nothing was overwritten.
 *
 * @since 0.1.0
 */
public class RedisDbDataException extends DataRetrievalFailureException {

	/**
	 * @param message what cannot be read and where, without the value
	 * @param cause the underlying failure, if any
	 */
	public RedisDbDataException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}

package dev.redisdb;

/**
 * What a load does with a stored value it cannot decode.
 *
 * @since 0.2.0
 */
public enum UndecodableValues {

	/** Fail the load with a {@link RedisDbDataException} naming key and entry; nothing is overwritten. */
	FAIL,

	/** Log a warning naming key and entry and load the entry as empty; the next save overwrites it. */
	TREAT_AS_EMPTY

}

package dev.redisdb;

/**
 * Turns the part of a user's data that one entry holds into the string stored in Redis and back: Jovo's
 * {@code onEncodeValue} and {@code onDecodeValue} hooks. Declare a bean of this type to replace the default, for
 * example to encrypt one entry; delegate to {@link #json()} for the JSON itself.
 */
public interface ValueCodec {

	/**
	 * Encodes an entry's value.
	 * @param entryId the id of the entry being written, never null
	 * @param item the entry's part of the user's data, never null
	 * @return the value to store, never null
	 */
	String encode(String entryId, DbItem item);

	/**
	 * Decodes a stored value.
	 * @param entryId the id of the entry being read, never null
	 * @param value the stored value, never null
	 * @return the decoded item, never null
	 * @throws IllegalArgumentException when the value cannot be decoded; the message must describe the problem
	 * without quoting the value, which may hold personal data
	 */
	DbItem decode(String entryId, String value);

	/**
	 * Jackson JSON in Jovo's exact shape and field order; timestamps as UTC ISO-8601 with three fraction digits.
	 * @return the default codec
	 */
	static ValueCodec json() {
		return JsonValueCodec.INSTANCE;
	}

}

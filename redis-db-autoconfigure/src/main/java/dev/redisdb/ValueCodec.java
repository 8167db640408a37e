package dev.redisdb;

import java.nio.charset.StandardCharsets;

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
	 * Encodes an entry's value to the UTF-8 bytes the store sends. Implement {@link #encode} only; the default JSON
	 * codec overrides this to write bytes without a String in between.
	 * @param entryId the id of the entry being written
	 * @param item the entry's part of the user's data
	 * @return the value's UTF-8 bytes
	 */
	default byte[] encodeToUtf8(String entryId, DbItem item) {
		return encode(entryId, item).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Decodes a stored value from the UTF-8 bytes the store read. Implement {@link #decode} only; the default JSON
	 * codec overrides this to read bytes without a String in between.
	 * @param entryId the id of the entry being read
	 * @param value the stored bytes
	 * @return the decoded item
	 */
	default DbItem decodeFromUtf8(String entryId, byte[] value) {
		return decode(entryId, new String(value, StandardCharsets.UTF_8));
	}

	/**
	 * Jackson JSON in Jovo's exact shape and field order; timestamps as UTC ISO-8601 with three fraction digits.
	 * @return the default codec
	 */
	static ValueCodec json() {
		return JsonValueCodec.INSTANCE;
	}

}

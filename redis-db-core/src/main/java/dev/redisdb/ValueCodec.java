package dev.redisdb;

/**
 * Turns the part of a user's data that one entry holds into the bytes stored in Redis and back: Jovo's
 * {@code onEncodeValue} and {@code onDecodeValue} hooks. The default, {@link #json()}, writes Jovo's JSON. To
 * compress or encrypt some entries, add a {@link ValueTransform} to it:
 *
 * <pre>{@code
 * ValueCodec.json().andThen(ValueTransform.of(
 *         (entry, json) -> encrypt(json),
 *         (entry, stored) -> decrypt(stored)).onlyFor("user"))
 * }</pre>
 *
 * In a Spring Boot application, a bean of this type takes the place of {@link #json()} as the base of the store's
 * codec: compression and encryption from {@code jovo.redis.*} still apply to what it encodes. To add a transform to
 * the codec without replacing its base, declare a {@code ValueCodecCustomizer} bean instead.
 *
 * @since 0.1.0
 */
public interface ValueCodec {

	/**
	 * Encodes an entry's value.
	 * @param entry the entry being written and its key
	 * @param item the entry's part of the user's data
	 * @return the bytes to store
	 */
	byte[] encode(EntryKey entry, DbItem item);

	/**
	 * Decodes a stored value.
	 * @param entry the entry being read and its key
	 * @param value the stored bytes
	 * @return the decoded item
	 * @throws IllegalArgumentException when the value cannot be decoded; the message describes the problem without
	 * quoting the value, which may hold personal data
	 */
	DbItem decode(EntryKey entry, byte[] value);

	/**
	 * @param transform applied to what this codec encodes, and undone before this codec decodes
	 * @return a codec that encodes with this one, then applies the transform
	 */
	default ValueCodec andThen(ValueTransform transform) {
		return new TransformingValueCodec(this, transform);
	}

	/**
	 * Jovo's JSON, byte for byte: fields in Jovo's order, timestamps as UTC ISO-8601 with three fraction digits,
	 * top-level fields of other tools kept.
	 * @return the default codec
	 */
	static ValueCodec json() {
		return JsonValueCodec.INSTANCE;
	}

}

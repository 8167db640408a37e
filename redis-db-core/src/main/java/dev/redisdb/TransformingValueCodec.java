package dev.redisdb;

import org.springframework.util.Assert;

/**
 * A codec followed by a transform of its bytes: {@link ValueCodec#andThen}.
 */
final class TransformingValueCodec implements ValueCodec {

	private final ValueCodec codec;

	private final ValueTransform transform;

	TransformingValueCodec(ValueCodec codec, ValueTransform transform) {
		Assert.notNull(codec, "codec must not be null");
		Assert.notNull(transform, "transform must not be null");
		this.codec = codec;
		this.transform = transform;
	}

	@Override
	public byte[] encode(EntryKey entry, DbItem item) {
		return this.transform.apply(entry, this.codec.encode(entry, item));
	}

	@Override
	public DbItem decode(EntryKey entry, byte[] value) {
		return this.codec.decode(entry, this.transform.revert(entry, value));
	}

}

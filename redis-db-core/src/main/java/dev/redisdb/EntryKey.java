package dev.redisdb;

import org.springframework.util.Assert;

/**
 * Which value a {@link ValueCodec} or {@link ValueTransform} is working on: the entry and the user's Redis key for
 * it. An encryption transform can bind a value to its key, so that a value copied to another key does not decrypt.
 *
 * @param entryId the entry's id, such as {@code user}
 * @param key the Redis key the value is stored at
 * @since 0.2.0
 */
public record EntryKey(String entryId, String key) {

	public EntryKey {
		Assert.notNull(entryId, "entryId must not be null");
		Assert.notNull(key, "key must not be null");
	}

}

package dev.redisdb;

import org.jspecify.annotations.Nullable;

/**
 * One Redis key that holds data of a user, as {@link RedisUserStore#inspect} finds it: for an operator's view of
 * what is held about the user, and of what an erasure would remove.
 *
 * @param entryId the entry the key belongs to, or {@code index} for the user's index of context-keyed keys
 * @param key the Redis key
 * @param exists whether the key exists
 * @param ttlSeconds seconds until the key expires, -1 without expiry, -2 when it does not exist
 * @param size the stored value's length in bytes (for the index: its number of keys), 0 when it does not exist
 * @param value the decoded value, or null where the key does not exist, is the index, or cannot be decoded
 * @param problem why the value could not be decoded, or null
 * @since 0.2.0
 */
public record StoredKey(String entryId, String key, boolean exists, long ttlSeconds, long size,
		@Nullable DbItem value, @Nullable String problem) {
}

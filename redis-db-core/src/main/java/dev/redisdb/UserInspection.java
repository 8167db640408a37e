package dev.redisdb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@link RedisUserStore#inspect}: every key that holds data of a user, with its TTL, size and decoded value, for
 * operators.
 */
final class UserInspection {

	private final StoreOptions options;

	private final KeyStrategy keyStrategy;

	private final ValueCodec codec;

	private final RedisCalls redis;

	UserInspection(StoreOptions options, KeyStrategy keyStrategy, ValueCodec codec, RedisCalls redis) {
		this.options = options;
		this.keyStrategy = keyStrategy;
		this.codec = codec;
		this.redis = redis;
	}

	List<StoredKey> inspect(String userId) {
		UserKeys.checkUserId(userId, this.options);
		List<Entry> entries = this.options.entries();
		Map<String, String> entryIdByKey = new LinkedHashMap<>();
		for (Entry entry : entries) {
			entryIdByKey.put(this.keyStrategy.createKey(userId, entry, this.options, TurnContext.none()), entry.id());
		}
		String index = UserKeys.indexKey(userId, this.keyStrategy, this.options);
		this.redis.hash("inspect user", index).forEach(entryIdByKey::putIfAbsent);
		List<byte @Nullable []> values = this.redis.mget("inspect user", List.copyOf(entryIdByKey.keySet()));
		List<StoredKey> found = new ArrayList<>(values.size() + 1);
		int i = 0;
		for (Map.Entry<String, String> key : entryIdByKey.entrySet()) {
			found.add(inspected(key.getValue(), key.getKey(), values.get(i)));
			i++;
		}
		long indexed = entryIdByKey.size() - entries.size();
		long indexTtl = this.redis.ttl("inspect user", index);
		found.add(new StoredKey(UserKeys.INDEX_ENTRY_ID, index, indexTtl != -2, indexTtl, indexed, null, null));
		return found;
	}

	private StoredKey inspected(String entryId, String key, byte @Nullable [] value) {
		long ttl = this.redis.ttl("inspect user", key);
		if (value == null) {
			return new StoredKey(entryId, key, ttl != -2, ttl, 0, null, null);
		}
		try {
			DbItem item = this.codec.decode(new EntryKey(entryId, key), value);
			item.otherFields().remove(UserKeys.OWNER_FIELD);
			return new StoredKey(entryId, key, true, ttl, value.length, item, null);
		}
		catch (RuntimeException ex) {
			return new StoredKey(entryId, key, true, ttl, value.length, null, ex.getMessage());
		}
	}

}

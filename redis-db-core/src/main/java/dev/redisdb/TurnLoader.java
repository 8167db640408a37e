package dev.redisdb;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.util.Assert;

/**
 * A turn's load: the user's keys, one {@code MGET}, each value found decoded and, where its key depends on the
 * turn's context, checked for its owner, then the stored-elements rules applied.
 */
final class TurnLoader {

	/** Under the store's name, where applications look for its warnings. */
	private static final Log logger = LogFactory.getLog(RedisUserStore.class);

	private final StoreOptions options;

	private final KeyStrategy keyStrategy;

	private final ValueCodec codec;

	private final StoredElementsRules rules;

	private final RedisCalls redis;

	TurnLoader(StoreOptions options, KeyStrategy keyStrategy, ValueCodec codec, StoredElementsRules rules,
			RedisCalls redis) {
		this.options = options;
		this.keyStrategy = keyStrategy;
		this.codec = codec;
		this.rules = rules;
		this.redis = redis;
	}

	StoredUser load(String userId, TurnContext context) {
		Assert.notNull(context, "context must not be null");
		UserKeys keys = UserKeys.of(userId, context, this.keyStrategy, this.options);
		List<byte @Nullable []> found = this.redis.mget("load user", keys.names());
		byte[][] values = new byte[keys.size()][];
		List<DbItem> items = new ArrayList<>(keys.size());
		boolean[] unowned = new boolean[keys.size()];
		String owner = (keys.index() != null) ? UserKeys.ownerTag(userId) : null;
		for (int i = 0; i < values.length; i++) {
			values[i] = found.get(i);
			DbItem item = (values[i] != null) ? decode(i, keys.name(i), values[i]) : null;
			if (item != null && keys.isContextKeyed(i)) {
				unowned[i] = !isOwnedBy(owner, item, i, keys.name(i));
			}
			items.add(item);
		}
		LoadedEntries loaded = new LoadedEntries(keys, values, items, unowned);
		return this.rules.toUser(userId, context, loaded, StoredElementsRules.now());
	}

	/**
	 * @return whether the value names its owner; false for a value stored before owners were recorded
	 * @throws PermissionDeniedDataAccessException when it names another owner
	 */
	private boolean isOwnedBy(String owner, DbItem item, int index, String key) {
		Object stored = item.otherFields().remove(UserKeys.OWNER_FIELD);
		if (stored != null && !owner.equals(stored)) {
			throw new PermissionDeniedDataAccessException("Cannot load user: entry '"
					+ this.options.entries().get(index).id() + "' at key '" + key + "' holds another user's data "
					+ "(its key depends on the turn's context, such as the session id, and that is another user's)",
					null);
		}
		return stored != null;
	}

	private @Nullable DbItem decode(int index, String key, byte[] value) {
		String entryId = this.options.entries().get(index).id();
		try {
			return this.codec.decode(new EntryKey(entryId, key), value);
		}
		catch (RuntimeException ex) {
			undecodable(index, key, ex.getMessage(), ex);
			return null;
		}
	}

	private void undecodable(int index, String key, String problem, @Nullable Exception cause) {
		String message = "Cannot decode entry '" + this.options.entries().get(index).id() + "' stored at key '" + key
				+ "': " + problem;
		if (this.options.undecodableValues() == UndecodableValues.FAIL) {
			throw new RedisDbDataException(message, cause);
		}
		logger.warn(message + "; treated as empty (undecodable-values: treat-as-empty)");
	}

}

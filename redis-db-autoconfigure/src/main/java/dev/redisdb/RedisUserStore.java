package dev.redisdb;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * Loads, saves and deletes the data of one user per call, in Jovo's stored format. A load is one {@code MGET} of all
 * the user's entry keys; a save writes all entries atomically in one round trip (one Lua script, each key with
 * {@code SET ... EX ttl} when its entry has a TTL); a delete is one {@code DEL}.
 * <p>
 * Thread-safe; all calls share the template's connection. Plain {@link #save} is last-write-wins, as in Jovo.
 * <p>
 * On Redis Cluster a script may only touch one hash slot: with {@code jovo.redis.hash-tag} a user's keys share one
 * and a save stays atomic; with {@code jovo.redis.cluster-non-atomic-writes} it writes one slot after the other.
 */
public final class RedisUserStore {

	private static final Log logger = LogFactory.getLog(RedisUserStore.class);

	/** KEYS: the entry keys; ARGV: value and TTL seconds per key, in key order. */
	private static final RedisScript<Long> SAVE_SCRIPT = RedisScript.of("""
			for i, key in ipairs(KEYS) do
			  local ttl = tonumber(ARGV[2 * i])
			  if ttl > 0 then
			    redis.call('SET', key, ARGV[2 * i - 1], 'EX', ttl)
			  else
			    redis.call('SET', key, ARGV[2 * i - 1])
			  end
			end
			return #KEYS
			""", Long.class);

	private final StringRedisTemplate redis;

	private final RedisDbProperties properties;

	private final KeyStrategy keyStrategy;

	private final ValueCodec codec;

	private final StoredElementsRules rules;

	private final List<RedisDbProperties.Entry> writtenEntries;

	private final SlotRouting slotRouting;

	/**
	 * @param redis the template all calls go through
	 * @param properties the configuration
	 * @param keyStrategy makes each entry's key
	 * @param codec encodes and decodes values
	 * @throws IllegalArgumentException when the template's factory is a Redis Cluster one, several entries are
	 * written and neither {@code jovo.redis.hash-tag} nor {@code jovo.redis.cluster-non-atomic-writes} is set
	 */
	public RedisUserStore(StringRedisTemplate redis, RedisDbProperties properties, KeyStrategy keyStrategy,
			ValueCodec codec) {
		Assert.notNull(redis, "redis must not be null");
		Assert.notNull(properties, "properties must not be null");
		Assert.notNull(keyStrategy, "keyStrategy must not be null");
		Assert.notNull(codec, "codec must not be null");
		this.redis = redis;
		this.properties = properties;
		this.keyStrategy = keyStrategy;
		this.codec = codec;
		this.rules = new StoredElementsRules(properties.storedElements());
		List<RedisDbProperties.Entry> storingNothing = properties.entriesStoringNothing();
		for (RedisDbProperties.Entry entry : storingNothing) {
			logger.warn("jovo.redis.entries: entry '" + entry.id() + "' stores no enabled element and will not be "
					+ "written; enable one of its elements in jovo.redis.stored-elements or remove the entry");
		}
		this.writtenEntries = properties.entries().stream().filter((entry) -> !storingNothing.contains(entry)).toList();
		this.slotRouting = SlotRouting.of(redis.getConnectionFactory(), properties, this.writtenEntries);
	}

	/**
	 * Loads a user without turn context.
	 * @param userId the user id, not null or empty
	 * @return the user's data; {@link StoredUser#isNew()} when nothing was stored
	 * @throws RedisDbException when Redis fails or a stored value cannot be decoded
	 * @see #load(String, TurnContext)
	 */
	public StoredUser load(String userId) {
		return load(userId, TurnContext.none());
	}

	/**
	 * Loads a user with one {@code MGET} of all its entry keys, merges the entries in configured order and applies
	 * the stored-elements rules (session restored unless expired, history, timestamps).
	 * @param userId the user id, not null or empty
	 * @param context the turn's context, handed to the {@link KeyStrategy}; not null
	 * @return the user's data; {@link StoredUser#isNew()} when none of its keys exists
	 * @throws RedisDbException when Redis fails or a stored value cannot be decoded
	 */
	public StoredUser load(String userId, TurnContext context) {
		Assert.notNull(context, "context must not be null");
		List<String> keys = keysOf(userId, context);
		List<String> values = multiGet(keys);
		List<DbItem> items = new ArrayList<>(keys.size());
		for (int i = 0; i < keys.size(); i++) {
			String value = values.get(i);
			items.add((value != null) ? decode(this.properties.entries().get(i), keys.get(i), value) : null);
		}
		return this.rules.toUser(userId, context, new LoadedEntries(keys, values, items), now());
	}

	/**
	 * Saves a user: one record by the stored-elements rules (the turn's history item prepended, {@code createdAt}
	 * kept, {@code updatedAt} now), split per entry, encoded and written atomically in one round trip. Entry keys
	 * without TTL lose any TTL they had; keys with TTL get it anew. Last write wins when two saves of one user
	 * overlap.
	 * @param user the user as loaded and changed by the app; not null
	 * @throws RedisDbException when Redis fails; nothing is written then
	 */
	public void save(StoredUser user) {
		Assert.notNull(user, "user must not be null");
		DbItem whole = this.rules.toItem(user, now());
		List<String> keys = new ArrayList<>(this.writtenEntries.size());
		Object[] arguments = new Object[this.writtenEntries.size() * 2];
		for (int i = 0; i < this.writtenEntries.size(); i++) {
			RedisDbProperties.Entry entry = this.writtenEntries.get(i);
			int index = this.properties.entries().indexOf(entry);
			DbItem part = StoredElementsRules.partFor(entry, whole, user.loaded().items().get(index));
			keys.add(user.loaded().keys().get(index));
			arguments[2 * i] = this.codec.encode(entry.id(), part);
			arguments[2 * i + 1] = Long.toString(entry.ttlSeconds());
		}
		try {
			this.slotRouting.save(keys, arguments,
					(slotKeys, slotArguments) -> this.redis.execute(SAVE_SCRIPT, slotKeys, slotArguments));
		}
		catch (DataAccessException ex) {
			throw failure("save user", ex);
		}
	}

	/**
	 * Deletes all entry keys of a user (erasure on request) with one {@code DEL}.
	 * @param userId the user id, not null or empty
	 * @param context the turn's context, for a {@link KeyStrategy} that uses it; not null
	 * @return the number of keys that existed
	 * @throws RedisDbException when Redis fails
	 */
	public long delete(String userId, TurnContext context) {
		Assert.notNull(context, "context must not be null");
		List<String> keys = keysOf(userId, context);
		try {
			Long deleted = this.redis.delete(keys);
			return (deleted != null) ? deleted : 0;
		}
		catch (DataAccessException ex) {
			throw failure("delete user", ex);
		}
	}

	/**
	 * Deletes all entry keys of a user without turn context.
	 * @param userId the user id, not null or empty
	 * @return the number of keys that existed
	 * @see #delete(String, TurnContext)
	 */
	public long delete(String userId) {
		return delete(userId, TurnContext.none());
	}

	private List<String> keysOf(String userId, TurnContext context) {
		if (userId == null || userId.isEmpty()) {
			throw new IllegalArgumentException("userId must not be null or empty");
		}
		List<String> keys = new ArrayList<>(this.properties.entries().size());
		for (RedisDbProperties.Entry entry : this.properties.entries()) {
			keys.add(this.keyStrategy.createKey(userId, entry, this.properties, context));
		}
		return keys;
	}

	private List<String> multiGet(List<String> keys) {
		try {
			List<String> values = this.redis.opsForValue().multiGet(keys);
			Assert.state(values != null && values.size() == keys.size(), "MGET returned no list of values");
			return values;
		}
		catch (DataAccessException ex) {
			throw failure("load user", ex);
		}
	}

	private DbItem decode(RedisDbProperties.Entry entry, String key, String value) {
		try {
			return this.codec.decode(entry.id(), value);
		}
		catch (RuntimeException ex) {
			throw new RedisDbException("Cannot decode entry '" + entry.id() + "' stored at key '" + key + "': "
					+ ex.getMessage(), ex);
		}
	}

	private static RedisDbException failure(String operation, DataAccessException ex) {
		return new RedisDbException("Cannot " + operation + ": Redis failed: " + ex.getMostSpecificCause().getMessage(),
				ex);
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}

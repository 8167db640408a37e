package dev.redisdb;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.util.Assert;

/**
 * Loads, saves and deletes the data of one user per call, in Jovo's stored format.
 * <ul>
 * <li>A load is one {@code MGET} of all the user's entry keys: one round trip, whether the user is new or not.</li>
 * <li>A save writes all entries in one round trip, atomically: one {@code SET} for a single entry the load found,
 * otherwise one Lua script by {@code EVALSHA}; each key with {@code EX ttl} when its entry has a TTL. A key the load
 * found absent is only written if it is still absent or a string value, so a key of another Redis type is never
 * overwritten. Two overlapping saves of one user: the last one wins, as in Jovo.</li>
 * <li>{@link #update} is the conflict-safe alternative: it saves only if nobody saved the user since it loaded, and
 * otherwise loads and applies the change again.</li>
 * <li>An entry whose key depends on the turn's context (a session keyed by session id) is the user's who stored it:
 * the value records its owner, the user's index (a hash at the key of the reserved entry {@code index}) records
 * the key and its entry, and another user's turn carrying the same context can neither load nor overwrite it.</li>
 * <li>A delete erases every key of the user, its context-keyed keys (from the index) included, in one round trip on
 * a single server.</li>
 * </ul>
 * Thread-safe. Every command goes through a Spring Data {@link RedisTemplate} (see {@link #template}) on a Lettuce
 * connection factory, each within {@link StoreOptions#timeout()}. Failures are Spring {@link DataAccessException}s,
 * as Spring Data translates them, whose messages name the call and, where one is at fault, the key and entry, never
 * a password or a stored value: {@link RedisDbUnavailableException} (transient), {@link RedisDbConflictException}
 * (optimistic locking),
 * {@link RedisDbDataException} (a stored value cannot be read or a key holds another type),
 * {@link PermissionDeniedDataAccessException} (a context-keyed key holds another user's data), and Spring Data
 * Redis's {@link RedisSystemException} when Redis answers a command with an error.
 *
 * @since 0.1.0
 */
public final class RedisUserStore {

	private static final Log logger = LogFactory.getLog(RedisUserStore.class);

	/** KEYS: the user's keys, its index last. ARGV[1]: '1' when the index holds members. */
	private static final RedisScript<Long> DELETE_SCRIPT = RedisScript.of("""
			local deleted = 0
			if ARGV[1] == '1' then
			  for _, member in ipairs(redis.call('HKEYS', KEYS[#KEYS])) do
			    deleted = deleted + redis.call('DEL', member)
			  end
			end
			redis.call('DEL', KEYS[#KEYS])
			for i = 1, #KEYS - 1 do
			  deleted = deleted + redis.call('DEL', KEYS[i])
			end
			return deleted
			""", Long.class);

	private static final String OWNER_FIELD = "owner";

	private final RedisCalls redis;

	private final StoreOptions options;

	private final KeyStrategy keyStrategy;

	private final ValueCodec codec;

	private final StoredElementsRules rules;

	/** Per entry of {@code options.entries()}: whether a save writes it (it stores something). */
	private final boolean[] written;

	/** Script arguments, precomputed: each entry's TTL and id. */
	private final byte[][] ttlArguments;


	private final byte[][] entryIdArguments;

	private final SlotRouting slotRouting;

	private final StoreObservations observations;

	/**
	 * Creates a store whose calls are not observed.
	 * @param template the template all calls use, made by {@link #template(RedisConnectionFactory)}
	 * @param options the key layout, what is stored, the limits and the timeout
	 * @param keyStrategy makes each entry's key
	 * @param codec encodes and decodes values
	 * @throws InvalidStoreOptionException when the options cannot work with this Redis (a cluster whose slots would
	 * split a user's entries, or a connection whose commands may outlast the timeout)
	 */
	public RedisUserStore(RedisTemplate<String, byte[]> template, StoreOptions options, KeyStrategy keyStrategy,
			ValueCodec codec) {
		this(template, options, keyStrategy, codec, ObservationRegistry.NOOP);
	}

	/**
	 * Creates a store whose every call is a Micrometer observation: see {@link RedisDbObservationContext}.
	 * @param template the template all calls use, made by {@link #template(RedisConnectionFactory)}
	 * @param options the key layout, what is stored, the limits and the timeout
	 * @param keyStrategy makes each entry's key
	 * @param codec encodes and decodes values
	 * @param observationRegistry where observations go; {@link ObservationRegistry#NOOP} costs one check per call
	 * @throws InvalidStoreOptionException when the options cannot work with this Redis (a cluster whose slots would
	 * split a user's entries, or a connection whose commands may outlast the timeout)
	 * @since 0.2.0
	 */
	public RedisUserStore(RedisTemplate<String, byte[]> template, StoreOptions options, KeyStrategy keyStrategy,
			ValueCodec codec, ObservationRegistry observationRegistry) {
		Assert.notNull(template, "template must not be null");
		Assert.notNull(observationRegistry, "observationRegistry must not be null");
		Assert.notNull(options, "options must not be null");
		Assert.notNull(keyStrategy, "keyStrategy must not be null");
		Assert.notNull(codec, "codec must not be null");
		LettuceConnectionFactory connectionFactory = lettuceFactory(template);
		if (!StoreCommandTimeout.bounds(connectionFactory, options.timeout())) {
			throw new InvalidStoreOptionException("timeout", "is " + options.timeout().toMillis() + " ms, but the "
					+ "connection factory times commands out after " + connectionFactory.getTimeout() + " ms and "
					+ "does not apply the store's timeout", "let Spring Boot build the factory, apply "
					+ "StoreCommandTimeout.timeoutOptions(...) to its client options, give it a command timeout of "
					+ "at most the store's, or raise the store's timeout");
		}
		this.options = options;
		this.keyStrategy = keyStrategy;
		this.codec = codec;
		this.rules = new StoredElementsRules(options.storedElements());
		List<Entry> storingNothing = options.entriesStoringNothing();
		for (Entry entry : storingNothing) {
			logger.warn("Entry '" + entry.id() + "' stores no enabled element and will not be written; enable one "
					+ "of its elements in the stored elements or remove the entry");
		}
		List<Entry> entries = options.entries();
		this.written = new boolean[entries.size()];
		this.ttlArguments = new byte[entries.size()][];
		this.entryIdArguments = new byte[entries.size()][];
		for (int i = 0; i < entries.size(); i++) {
			this.entryIdArguments[i] = utf8(entries.get(i).id());
			this.written[i] = !storingNothing.contains(entries.get(i));
			this.ttlArguments[i] = utf8(Long.toString(entries.get(i).ttlSeconds()));
		}
		this.slotRouting = SlotRouting.of(connectionFactory.isClusterAware(), options,
				entries.stream().filter((entry) -> !storingNothing.contains(entry)).toList());
		this.redis = new RedisCalls(template, options.timeout());
		this.observations = new StoreObservations(observationRegistry, entries.size());
	}

	/**
	 * Makes the template a store needs: keys as UTF-8 strings, values as bytes.
	 * @param connectionFactory a Lettuce connection factory, started by its owner
	 * @return the template, ready to use
	 * @since 0.2.0
	 */
	public static RedisTemplate<String, byte[]> template(RedisConnectionFactory connectionFactory) {
		Assert.notNull(connectionFactory, "connectionFactory must not be null");
		RedisTemplate<String, byte[]> template = new RedisTemplate<>();
		template.setConnectionFactory(connectionFactory);
		template.setKeySerializer(RedisSerializer.string());
		template.setHashKeySerializer(RedisSerializer.string());
		template.setHashValueSerializer(RedisSerializer.string());
		template.setValueSerializer(RedisSerializer.byteArray());
		// Scripts run in a callback; an exposed connection spares each call a JDK proxy around it.
		template.setExposeConnection(true);
		template.afterPropertiesSet();
		return template;
	}

	private static LettuceConnectionFactory lettuceFactory(RedisTemplate<String, byte[]> template) {
		RedisConnectionFactory factory = template.getConnectionFactory();
		if (!(factory instanceof LettuceConnectionFactory lettuce)) {
			throw new IllegalArgumentException("The store needs a template on a LettuceConnectionFactory, not on "
					+ ((factory != null) ? factory.getClass().getName() : "no connection factory"));
		}
		if (template.getValueSerializer() != RedisSerializer.byteArray()
				|| !(template.getKeySerializer() instanceof org.springframework.data.redis.serializer.StringRedisSerializer)) {
			throw new IllegalArgumentException("The store needs a template with string keys and byte[] values, "
					+ "as RedisUserStore.template(connectionFactory) makes it");
		}
		return lettuce;
	}

	/** @return the options this store was created with */
	public StoreOptions options() {
		return this.options;
	}

	/**
	 * Loads a user without turn context.
	 * @param userId the user id, not null or empty
	 * @return the user's data; {@link StoredUser#isNew()} when nothing was stored
	 * @throws DataAccessException when Redis fails or a stored value cannot be decoded
	 * @see #load(String, TurnContext)
	 */
	public StoredUser load(String userId) {
		return load(userId, TurnContext.none());
	}

	/**
	 * Loads a user with one {@code MGET} of all its entry keys, merges the entries in configured order and applies
	 * the stored-elements rules (session restored unless expired, history, timestamps). A key of another Redis type
	 * reads as absent; a save then refuses to overwrite it.
	 * @param userId the user id, not null, not empty, at most {@link StoreOptions#maxUserIdLength()} characters
	 * @param context the turn's context, handed to the {@link KeyStrategy}; not null
	 * @return the user's data; {@link StoredUser#isNew()} when none of its keys exists
	 * @throws IllegalArgumentException when the user id is null, empty or too long, or a key longer than
	 * {@link StoreOptions#maxKeyLength()}
	 * @throws RedisDbUnavailableException when Redis cannot be reached in time
	 * @throws RedisDbDataException when a stored value cannot be decoded (unless configured to treat it as empty)
	 * @throws PermissionDeniedDataAccessException when a context-keyed entry holds another user's data: the turn's
	 * context (its session id) is another user's
	 */
	public StoredUser load(String userId, TurnContext context) {
		return this.observations.observe("load", (observation) -> read(userId, context));
	}

	private StoredUser read(String userId, TurnContext context) {
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
		return this.rules.toUser(userId, context, new LoadedEntries(keys, values, items, unowned), now());
	}

	/**
	 * @return whether the value names its owner; false for a value stored before owners were recorded
	 * @throws PermissionDeniedDataAccessException when it names another owner
	 */
	private boolean isOwnedBy(String owner, DbItem item, int index, String key) {
		Object stored = item.otherFields().remove(OWNER_FIELD);
		if (stored != null && !owner.equals(stored)) {
			throw new PermissionDeniedDataAccessException("Cannot load user: entry '"
					+ this.options.entries().get(index).id() + "' at key '" + key + "' holds another user's data "
					+ "(its key depends on the turn's context, such as the session id, and that is another user's)",
					null);
		}
		return stored != null;
	}

	/**
	 * Saves a user: one record by the stored-elements rules (the turn's history item prepended, {@code createdAt}
	 * kept, {@code updatedAt} now), split per entry, encoded and written atomically in one round trip. Entry keys
	 * without TTL lose any TTL they had; keys with TTL get it anew. Last write wins when two saves of one user
	 * overlap; use {@link #update} where that matters.
	 * @param user the user as loaded and changed by the app; not null
	 * @throws IllegalArgumentException when an entry's encoded value exceeds {@link StoreOptions#maxValueSize()};
	 * nothing is written then
	 * @throws DataAccessException when Redis fails; nothing is written then
	 */
	public void save(StoredUser user) {
		Assert.notNull(user, "user must not be null");
		this.observations.observe("save", (observation) -> write(user, false, observation));
	}

	/**
	 * Changes a user without losing a concurrent change: loads the user, applies {@code change}, and saves only if
	 * none of the user's entries changed in Redis since the load (compared by SHA-1 inside the same atomic script,
	 * so the stored JSON needs no version field). Otherwise it loads and applies the change again, up to
	 * {@link StoreOptions#updateAttempts()} times: after a conflict, updates of the same user in this JVM take turns
	 * (each wait for the turn lasts at most 1 s), and a conflict with another process is retried after a short random
	 * sleep. Use it where one user's requests can overlap (platform retries, double taps); the change must be safe to
	 * apply more than once to fresh data.
	 * @param userId the user id
	 * @param context the turn's context
	 * @param change applies the turn's change to the loaded user
	 * @return the user as saved
	 * @throws RedisDbConflictException when every attempt met a concurrent change; nothing of it was written
	 * @throws DataAccessException when Redis fails
	 */
	public StoredUser update(String userId, TurnContext context, Consumer<StoredUser> change) {
		Assert.notNull(change, "change must not be null");
		return this.observations.observe("update", (observation) -> update(userId, context, change, observation));
	}

	private StoredUser update(String userId, TurnContext context, Consumer<StoredUser> change,
			@Nullable RedisDbObservationContext observation) {
		int attempts = this.options.updateAttempts();
		UpdateTurn turn = UpdateTurn.of(userId);
		try {
			turn.joinIfOthersWait();
			for (int attempt = 1; attempt <= attempts; attempt++) {
				if (observation != null) {
					observation.attempts(attempt);
				}
				StoredUser user = read(userId, context);
				change.accept(user);
				if (write(user, true, observation)) {
					return user;
				}
				backOff(turn, attempt);
			}
		}
		finally {
			turn.leave();
		}
		throw new RedisDbConflictException("Cannot update user: it was changed concurrently on each of " + attempts
				+ " attempts (update-attempts)");
	}

	/**
	 * Erases a user: deletes every key that holds its data, in one round trip on a single server (two on Redis
	 * Cluster): its entry keys, with and without the turn's context, and every context-keyed key the user's index
	 * lists (sessions keyed by session id), then the index. No scan of the keyspace is needed.
	 * @param userId the user id
	 * @param context the turn's context, for a {@link KeyStrategy} that uses it; not null
	 * @return the number of the user's data keys that existed
	 * @throws DataAccessException when Redis fails
	 */
	public long delete(String userId, TurnContext context) {
		return this.observations.observe("delete", (observation) -> erase(userId, context));
	}

	private long erase(String userId, TurnContext context) {
		Assert.notNull(context, "context must not be null");
		List<String> keys = UserKeys.forErasure(userId, context, this.keyStrategy, this.options);
		if (this.slotRouting.isCluster()) {
			String index = keys.get(keys.size() - 1);
			List<String> all = new ArrayList<>(keys.subList(0, keys.size() - 1));
			all.addAll(this.redis.hashFields("delete user", index));
			long deleted = 0;
			for (List<String> slot : SlotRouting.bySlot(all)) {
				deleted += this.redis.del("delete user", slot);
			}
			this.redis.del("delete user", List.of(index));
			return deleted;
		}
		return this.redis.eval("delete user", DELETE_SCRIPT, keys, new byte[][] { { '1' } });
	}

	/**
	 * Lists every key that holds data of a user, with its TTL, size and decoded value: its entry keys, its index and
	 * the context-keyed keys the index lists (sessions keyed by session id). For operators, not for turns: it takes
	 * a few round trips, and its values may hold personal data.
	 * @param userId the user id
	 * @return the keys, entry keys first, each once
	 * @throws DataAccessException when Redis fails
	 * @since 0.2.0
	 */
	public List<StoredKey> inspect(String userId) {
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
			item.otherFields().remove(OWNER_FIELD);
			return new StoredKey(entryId, key, true, ttl, value.length, item, null);
		}
		catch (RuntimeException ex) {
			return new StoredKey(entryId, key, true, ttl, value.length, null, ex.getMessage());
		}
	}

	/**
	 * Deletes all entry keys of a user without turn context.
	 * @param userId the user id
	 * @return the number of keys that existed
	 * @see #delete(String, TurnContext)
	 */
	public long delete(String userId) {
		return delete(userId, TurnContext.none());
	}

	private boolean write(StoredUser user, boolean onlyIfUnchanged, @Nullable RedisDbObservationContext observation) {
		LoadedEntries loaded = user.loaded();
		UserKeys keys = loaded.keys();
		byte[][] values = encode(user, loaded, observation);
		SaveScript.Guard[] guards = guards(loaded);
		List<int[]> groups = this.slotRouting.scriptGroups(keys.names(), keys.index(), onlyIfUnchanged);
		int writtenKeys = 0;
		for (int[] group : groups) {
			try {
				if (!writeGroup(group, loaded, values, guards, onlyIfUnchanged)) {
					return false;
				}
			}
			catch (DataAccessException ex) {
				if (writtenKeys == 0) {
					throw ex;
				}
				throw new RedisSystemException("Cannot save user: Redis failed after " + writtenKeys + " of "
						+ keys.size() + " keys were written one cluster slot at a time "
						+ "(cluster-non-atomic-writes), so the user's entries may be out of step: " + ex.getMessage(),
						ex);
			}
			writtenKeys += group.length;
		}
		return true;
	}

	/** @return per entry, its encoded value, or null where the entry is not written */
	private byte[][] encode(StoredUser user, LoadedEntries loaded, @Nullable RedisDbObservationContext observation) {
		checkJson(user);
		DbItem whole = this.rules.toItem(user, now());
		List<Entry> entries = this.options.entries();
		UserKeys keys = loaded.keys();
		String owner = (keys.index() != null) ? UserKeys.ownerTag(keys.userId()) : null;
		byte[][] values = new byte[entries.size()][];
		for (int i = 0; i < values.length; i++) {
			if (this.written[i]) {
				Entry entry = entries.get(i);
				DbItem part = StoredElementsRules.partFor(entry, whole, loaded.items().get(i));
				if (keys.isContextKeyed(i)) {
					part.otherFields().put(OWNER_FIELD, owner);
				}
				values[i] = this.codec.encode(new EntryKey(entry.id(), keys.name(i)), part);
				if (observation != null) {
					observation.valueSize(entry.id(), values[i].length);
				}
				checkSize(entry, values[i], loaded.values()[i]);
			}
		}
		return values;
	}

	private static void checkJson(StoredUser user) {
		JsonValues.check(user.data(), "user.data");
		JsonValues.check(user.session().data(), "session.data");
		JsonValues.check(user.session().state(), "session.state");
		JsonValues.check(user.currentTurn(), "history.items[0]");
	}

	/**
	 * No save makes an entry larger than max-value-size; one that already is (written by another tool, or before
	 * the limit was lowered) may still be saved as long as it does not grow, so that no user is stuck.
	 */
	private void checkSize(Entry entry, byte[] value, byte @Nullable [] loaded) {
		long limit = this.options.maxValueSize().toBytes();
		if (value.length > limit && (loaded == null || value.length > loaded.length)) {
			throw new IllegalArgumentException("Cannot save user: entry '" + entry.id() + "' encodes to "
					+ value.length + " bytes, more than max-value-size (" + this.options.maxValueSize() + ")"
					+ ((loaded != null && loaded.length > limit) ? " and more than the " + loaded.length
							+ " bytes it held" : "")
					+ "; nothing was written");
		}
	}

	private SaveScript.Guard[] guards(LoadedEntries loaded) {
		UserKeys keys = loaded.keys();
		SaveScript.Guard[] guards = new SaveScript.Guard[keys.size()];
		boolean protectOtherTypes = this.options.undecodableValues() == UndecodableValues.FAIL;
		for (int i = 0; i < guards.length; i++) {
			if (keys.isContextKeyed(i)) {
				guards[i] = loaded.unowned()[i] ? SaveScript.Guard.ADOPTED : SaveScript.Guard.OWNED;
			}
			else if (loaded.values()[i] == null && protectOtherTypes) {
				guards[i] = SaveScript.Guard.ABSENT_OR_STRING;
			}
			else {
				guards[i] = SaveScript.Guard.NONE;
			}
		}
		return guards;
	}

	/**
	 * Writes some of the user's keys (all of them, except on a cluster without hash tag) atomically: one plain
	 * {@code SET} where that is one value the load found and nothing to check, otherwise one {@link SaveScript}.
	 */
	private boolean writeGroup(int[] group, LoadedEntries loaded, byte[][] values, SaveScript.Guard[] guards,
			boolean onlyIfUnchanged) {
		UserKeys keys = loaded.keys();
		if (!onlyIfUnchanged && group.length == 1 && values[group[0]] != null
				&& guards[group[0]] == SaveScript.Guard.NONE) {
			int entry = group[0];
			this.redis.set("save user", keys.name(entry), values[entry],
					this.options.entries().get(entry).ttlSeconds());
			return true;
		}
		String[] groupKeys = new String[group.length];
		SaveScript.Guard[] groupGuards = new SaveScript.Guard[group.length];
		byte[][] digests = new byte[group.length][];
		byte[][] groupValues = new byte[group.length][];
		byte[][] ttls = new byte[group.length][];
		byte[][] entryIds = new byte[group.length][];
		boolean indexed = false;
		for (int position = 0; position < group.length; position++) {
			int entry = group[position];
			groupKeys[position] = keys.name(entry);
			groupGuards[position] = guards[entry];
			indexed |= guards[entry].isContextKeyed();
			if (onlyIfUnchanged || guards[entry] == SaveScript.Guard.ADOPTED) {
				digests[position] = loaded.digest(entry);
			}
			groupValues[position] = values[entry];
			ttls[position] = this.ttlArguments[entry];
			entryIds[position] = this.entryIdArguments[entry];
		}
		String index = indexed ? keys.index() : null;
		SaveScript.Call call = SaveScript.call(groupKeys, groupGuards, digests, groupValues, ttls, entryIds,
				onlyIfUnchanged, index, indexed ? indexTtl(group, guards) : null);
		long answer = this.redis.eval("save user", call.script(), call.keys(), call.arguments());
		return interpret(answer, group, keys);
	}

	private boolean interpret(long answer, int[] group, UserKeys keys) {
		if (answer == SaveScript.WRITTEN) {
			return true;
		}
		if (answer == SaveScript.CHANGED_CONCURRENTLY) {
			return false;
		}
		boolean otherOwner = answer > SaveScript.OTHER_OWNER;
		int entry = group[(int) (answer - (otherOwner ? SaveScript.OTHER_OWNER : SaveScript.OTHER_TYPE)) - 1];
		String where = "entry '" + this.options.entries().get(entry).id() + "' at key '" + keys.name(entry) + "'";
		if (otherOwner) {
			throw new PermissionDeniedDataAccessException("Cannot save user: " + where + " holds another user's data "
					+ "(its key depends on the turn's context, such as the session id, and that is another user's); "
					+ "nothing was written", null);
		}
		throw new RedisDbDataException("Cannot save user: " + where + " holds a Redis value of another type, not a "
				+ "string; nothing was written (undecodable-values: treat-as-empty would overwrite it)", null);
	}

	/**
	 * @return the TTL argument of the user's index: that of the longest-lived context-keyed entry written, so that
	 * the index outlives every key it lists; 0 (none) if one of them has none
	 */
	private byte[] indexTtl(int[] group, SaveScript.Guard[] guards) {
		long longest = 0;
		for (int entry : group) {
			if (guards[entry].isContextKeyed()) {
				long ttl = this.options.entries().get(entry).ttlSeconds();
				if (ttl == 0) {
					return this.ttlArguments[entry];
				}
				longest = Math.max(longest, ttl);
			}
		}
		return utf8(Long.toString(longest));
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

	/**
	 * After a conflict with an update of this JVM, waits for the turn. With the turn, the conflict came from another
	 * process: sleeps a random time below 2 ms doubled with each attempt, at most 200 ms ("full jitter"), so that the
	 * processes' retries drift apart.
	 */
	private static void backOff(UpdateTurn turn, int attempt) {
		if (!turn.held() && turn.take()) {
			return;
		}
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(Math.min(200, 2L << Math.min(attempt - 1, 7)) + 1));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RedisDbUnavailableException("Interrupted while retrying a conflict-safe update", ex);
		}
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

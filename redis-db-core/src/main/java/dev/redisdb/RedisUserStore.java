package dev.redisdb;

import java.util.List;
import java.util.function.Consumer;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
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

	private final StoreOptions options;

	private final TurnLoader loader;

	private final TurnSaver saver;

	private final ConflictSafeUpdate updates;

	private final UserErasure erasure;

	private final UserInspection inspection;

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
		List<Entry> storingNothing = options.entriesStoringNothing();
		for (Entry entry : storingNothing) {
			logger.warn("Entry '" + entry.id() + "' stores no enabled element and will not be written; enable one "
					+ "of its elements in the stored elements or remove the entry");
		}
		List<Entry> entries = options.entries();
		SlotRouting slotRouting = SlotRouting.of(connectionFactory.isClusterAware(), options,
				entries.stream().filter((entry) -> !storingNothing.contains(entry)).toList());
		RedisCalls redis = new RedisCalls(template, options.timeout());
		StoredElementsRules rules = new StoredElementsRules(options.storedElements());
		this.options = options;
		this.loader = new TurnLoader(options, keyStrategy, codec, rules, redis);
		this.saver = new TurnSaver(options, codec, rules, redis, slotRouting);
		this.updates = new ConflictSafeUpdate(options, this.loader, this.saver);
		this.erasure = new UserErasure(options, keyStrategy, redis, slotRouting);
		this.inspection = new UserInspection(options, keyStrategy, codec, redis);
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
		return this.observations.observe("load", (observation) -> this.loader.load(userId, context));
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
		this.observations.observe("save", (observation) -> this.saver.save(user, false, observation));
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
		return this.observations.observe("update",
				(observation) -> this.updates.update(userId, context, change, observation));
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
		return this.observations.observe("delete", (observation) -> this.erasure.erase(userId, context));
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
		return this.inspection.inspect(userId);
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























}

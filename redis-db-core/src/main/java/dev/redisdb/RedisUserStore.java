package dev.redisdb;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import io.lettuce.core.KeyValue;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.Assert;

/**
 * Loads, saves and deletes the data of one user per call, in Jovo's stored format.
 * <ul>
 * <li>A load is one {@code MGET} of all the user's entry keys (plus one {@code EXISTS} when an entry is missing, to
 * tell a missing key from a key of another Redis type).</li>
 * <li>A save writes all entries in one round trip, atomically: one {@code SET} for a single entry, otherwise one Lua
 * script by {@code EVALSHA}; each key with {@code EX ttl} when its entry has a TTL. Two overlapping saves of one user: the last one wins, as in
 * Jovo.</li>
 * <li>{@link #update} is the conflict-safe alternative: it saves only if nobody saved the user since it loaded, and
 * otherwise loads and applies the change again.</li>
 * <li>A delete is one {@code DEL} of all entry keys.</li>
 * </ul>
 * Thread-safe; all calls share one Lettuce connection of the factory. Failures are Spring
 * {@link DataAccessException}s whose messages name the server or the key and entry, never a password or a stored
 * value: {@link RedisDbUnavailableException} (transient), {@link RedisDbConflictException} (optimistic locking),
 * {@link RedisDbDataException} (a stored value cannot be read), and Spring Data Redis's
 * {@link RedisSystemException} when Redis answers a command with an error.
 *
 * @since 0.1.0
 */
public final class RedisUserStore implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(RedisUserStore.class);

	/**
	 * KEYS: every entry key of the user. ARGV[1]: '1' to write only if each key still holds what was loaded, then
	 * one SHA-1 per key ('' for absent); after that, per written entry: key index, value, TTL seconds.
	 */
	private static final LuaScript SAVE_SCRIPT = LuaScript.of("""
			local first = 2
			if ARGV[1] == '1' then
			  for i = 1, #KEYS do
			    local ok, current = pcall(redis.call, 'GET', KEYS[i])
			    local digest = (ok and current) and redis.sha1hex(current) or ''
			    if digest ~= ARGV[i + 1] then
			      return 0
			    end
			  end
			  first = #KEYS + 2
			end
			for j = first, #ARGV, 3 do
			  local key = KEYS[tonumber(ARGV[j])]
			  local ttl = tonumber(ARGV[j + 2])
			  if ttl > 0 then
			    redis.call('SET', key, ARGV[j + 1], 'EX', ttl)
			  else
			    redis.call('SET', key, ARGV[j + 1])
			  end
			end
			return 1
			""");

	private static final byte[] COMPARE = RedisAccess.utf8("1");

	private static final byte[] OVERWRITE = RedisAccess.utf8("0");

	private final RedisAccess redis;

	private final StoreOptions options;

	private final KeyStrategy keyStrategy;

	private final ValueCodec codec;

	private final StoredElementsRules rules;

	/** Per entry of {@code options.entries()}: whether a save writes it (it stores something). */
	private final boolean[] written;

	/** Script arguments, precomputed: key positions 1..n (Lua counts from 1) and each entry's TTL. */
	private final byte[][] positionArguments;

	private final byte[][] ttlArguments;

	private final SlotRouting slotRouting;

	/**
	 * @param connectionFactory the Lettuce connection factory whose connection all calls use; not closed by the store
	 * @param options the key layout, what is stored and the limits
	 * @param keyStrategy makes each entry's key
	 * @param codec encodes and decodes values
	 * @throws InvalidStoreOptionException when the options cannot work with this Redis (a cluster whose slots would
	 * split a user's entries)
	 */
	public RedisUserStore(LettuceConnectionFactory connectionFactory, StoreOptions options, KeyStrategy keyStrategy,
			ValueCodec codec) {
		Assert.notNull(connectionFactory, "connectionFactory must not be null");
		Assert.notNull(options, "options must not be null");
		Assert.notNull(keyStrategy, "keyStrategy must not be null");
		Assert.notNull(codec, "codec must not be null");
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
		this.positionArguments = new byte[entries.size()][];
		this.ttlArguments = new byte[entries.size()][];
		for (int i = 0; i < entries.size(); i++) {
			this.written[i] = !storingNothing.contains(entries.get(i));
			this.positionArguments[i] = RedisAccess.utf8(Integer.toString(i + 1));
			this.ttlArguments[i] = RedisAccess.utf8(Long.toString(entries.get(i).ttlSeconds()));
		}
		this.slotRouting = SlotRouting.of(connectionFactory, options,
				entries.stream().filter((entry) -> !storingNothing.contains(entry)).toList());
		this.redis = new RedisAccess(connectionFactory);
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
	 * the stored-elements rules (session restored unless expired, history, timestamps).
	 * @param userId the user id, not null, not empty, at most {@link StoreOptions#maxUserIdLength()} characters
	 * @param context the turn's context, handed to the {@link KeyStrategy}; not null
	 * @return the user's data; {@link StoredUser#isNew()} when none of its keys exists
	 * @throws IllegalArgumentException when the user id is null, empty or too long
	 * @throws RedisDbUnavailableException when Redis cannot be reached in time
	 * @throws RedisDbDataException when a stored value cannot be decoded (unless configured to treat it as empty)
	 */
	public StoredUser load(String userId, TurnContext context) {
		Assert.notNull(context, "context must not be null");
		String[] keyNames = keysOf(userId, context);
		byte[][] keys = utf8(keyNames);
		List<KeyValue<byte[], byte[]>> found = this.redis.mget("load user", keys);
		byte[][] values = new byte[keys.length][];
		boolean anyMissing = false;
		for (int i = 0; i < keys.length; i++) {
			KeyValue<byte[], byte[]> keyValue = found.get(i);
			values[i] = keyValue.hasValue() ? keyValue.getValue() : null;
			anyMissing |= values[i] == null;
		}
		if (anyMissing) {
			checkMissingKeysAreAbsent(keyNames, keys, values);
		}
		List<DbItem> items = new ArrayList<>(keys.length);
		for (int i = 0; i < keys.length; i++) {
			items.add((values[i] != null) ? decode(i, keyNames[i], values[i]) : null);
		}
		return this.rules.toUser(userId, context, new LoadedEntries(keyNames, keys, values, items), now());
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
		write(user, false);
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
		int attempts = this.options.updateAttempts();
		UpdateTurn turn = UpdateTurn.of(userId);
		try {
			turn.joinIfOthersWait();
			for (int attempt = 1; attempt <= attempts; attempt++) {
				StoredUser user = load(userId, context);
				change.accept(user);
				if (write(user, true)) {
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
	 * Deletes all entry keys of a user (erasure on request) with one {@code DEL}.
	 * @param userId the user id
	 * @param context the turn's context, for a {@link KeyStrategy} that uses it; not null
	 * @return the number of keys that existed
	 * @throws DataAccessException when Redis fails
	 */
	public long delete(String userId, TurnContext context) {
		Assert.notNull(context, "context must not be null");
		return this.redis.del("delete user", utf8(keysOf(userId, context)));
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

	private boolean write(StoredUser user, boolean onlyIfUnchanged) {
		LoadedEntries loaded = user.loaded();
		byte[][] values = encode(user, loaded);
		byte[][] digests = onlyIfUnchanged ? loaded.digests() : null;
		List<int[]> groups = this.slotRouting.scriptGroups(loaded.keys(), onlyIfUnchanged);
		int writtenKeys = 0;
		for (int[] group : groups) {
			try {
				if (!writeGroup(group, loaded.keys(), values, digests)) {
					return false;
				}
			}
			catch (DataAccessException ex) {
				if (writtenKeys == 0) {
					throw ex;
				}
				throw new RedisSystemException("Cannot save user: Redis failed after " + writtenKeys + " of "
						+ loaded.keys().length + " keys were written one cluster slot at a time "
						+ "(cluster-non-atomic-writes), so the user's entries may be out of step: " + ex.getMessage(),
						ex);
			}
			writtenKeys += group.length;
		}
		return true;
	}

	/** @return per entry, its encoded value, or null where the entry is not written */
	private byte[][] encode(StoredUser user, LoadedEntries loaded) {
		DbItem whole = this.rules.toItem(user, now());
		List<Entry> entries = this.options.entries();
		byte[][] values = new byte[entries.size()][];
		for (int i = 0; i < values.length; i++) {
			if (this.written[i]) {
				Entry entry = entries.get(i);
				DbItem part = StoredElementsRules.partFor(entry, whole, loaded.items().get(i));
				values[i] = this.codec.encode(new EntryKey(entry.id(), loaded.keyNames()[i]), part);
				if (values[i].length > this.options.maxValueSize().toBytes()) {
					throw new IllegalArgumentException("Cannot save user: entry '" + entry.id() + "' encodes to "
							+ values[i].length + " bytes, more than max-value-size (" + this.options.maxValueSize()
							+ "); nothing was written");
				}
			}
		}
		return values;
	}

	/**
	 * Writes some of the user's keys (all of them, except on a cluster without hash tag) atomically: one plain
	 * {@code SET} where that is one value and nothing to compare, otherwise one script.
	 */
	private boolean writeGroup(int[] group, byte[][] allKeys, byte[][] values, byte[][] digests) {
		if (digests == null && group.length == 1 && values[group[0]] != null) {
			int entry = group[0];
			this.redis.set("save user", allKeys[entry], values[entry], this.options.entries().get(entry).ttlSeconds());
			return true;
		}
		byte[][] keys = new byte[group.length][];
		List<byte[]> arguments = new ArrayList<>(1 + group.length * 4);
		arguments.add((digests != null) ? COMPARE : OVERWRITE);
		for (int position = 0; position < group.length; position++) {
			keys[position] = allKeys[group[position]];
			if (digests != null) {
				arguments.add(digests[group[position]]);
			}
		}
		for (int position = 0; position < group.length; position++) {
			int entry = group[position];
			if (values[entry] != null) {
				arguments.add(this.positionArguments[position]);
				arguments.add(values[entry]);
				arguments.add(this.ttlArguments[entry]);
			}
		}
		return this.redis.eval("save user", SAVE_SCRIPT, keys, arguments.toArray(new byte[0][])) == 1;
	}

	private String[] keysOf(String userId, TurnContext context) {
		if (userId == null || userId.isEmpty()) {
			throw new IllegalArgumentException("userId must not be null or empty");
		}
		if (userId.length() > this.options.maxUserIdLength()) {
			throw new IllegalArgumentException("userId is " + userId.length() + " characters long, more than "
					+ "max-user-id-length (" + this.options.maxUserIdLength() + ")");
		}
		if (hasUnpairedSurrogate(userId)) {
			// UTF-8 would turn it into '?', so two ids could share a key.
			throw new IllegalArgumentException("userId is not valid Unicode: it contains an unpaired surrogate");
		}
		List<Entry> entries = this.options.entries();
		String[] keys = new String[entries.size()];
		for (int i = 0; i < keys.length; i++) {
			keys[i] = this.keyStrategy.createKey(userId, entries.get(i), this.options, context);
		}
		return keys;
	}

	private static byte[][] utf8(String[] keys) {
		byte[][] bytes = new byte[keys.length][];
		for (int i = 0; i < keys.length; i++) {
			bytes[i] = RedisAccess.utf8(keys[i]);
		}
		return bytes;
	}

	private static boolean hasUnpairedSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * MGET answers nil for a key of another type too: an EXISTS tells them apart. A string found now was written
	 * after the MGET by a concurrent save; the load stays as read.
	 */
	private void checkMissingKeysAreAbsent(String[] keyNames, byte[][] keys, byte[][] values) {
		int[] missing = IntStream.range(0, keys.length).filter((i) -> values[i] == null).toArray();
		byte[][] missingKeys = Arrays.stream(missing).mapToObj((i) -> keys[i]).toArray(byte[][]::new);
		if (this.redis.exists("load user", missingKeys) == 0) {
			return;
		}
		for (int i : missing) {
			String type = this.redis.type("load user", keys[i]);
			if (!"none".equals(type) && !"string".equals(type)) {
				undecodable(i, keyNames[i], "the key holds a Redis " + type + ", not a string value", null);
			}
		}
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

	/** Returns a connection the factory lent the store, if it lent one; the factory itself stays open. */
	@Override
	public void close() {
		this.redis.close();
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}

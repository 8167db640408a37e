package dev.redisdb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The script that writes some of a user's keys in one round trip, atomically, after checking each key as its
 * {@link Guard} says, and, for a conflict-safe update, that every key still holds what the load read (compared by
 * SHA-1, so the stored JSON needs no version field). It also records context-keyed keys in the user's index, a hash
 * from each such key to its entry id. Where there is nothing to check or record, as in most turns, a lean script
 * only sets the keys: Redis runs it faster, and under load that shows in every turn's latency.
 */
final class SaveScript {

	/** How a key is checked before anything is written. */
	enum Guard {

		/** Not checked: the load found the key, or it may be overwritten whatever it holds. */
		NONE("p"),

		/** The key must be absent or a string: the load found nothing, and a key of another type is not ours. */
		ABSENT_OR_STRING("t"),

		/** A context-keyed key: it must be absent or listed in the user's index. */
		OWNED("c"),

		/** A context-keyed key the load found without owner (stored before owners were recorded): it must be listed
		 * in the user's index or still hold what the load read. */
		ADOPTED("l");

		private final byte[] code;

		Guard(String code) {
			this.code = code.getBytes(StandardCharsets.US_ASCII);
		}

		boolean isContextKeyed() {
			return this == OWNED || this == ADOPTED;
		}

	}

	/** The script's answers besides success. */
	static final long WRITTEN = 1;

	static final long CHANGED_CONCURRENTLY = 0;

	static final long OTHER_TYPE = 100;

	static final long OTHER_OWNER = 200;

	private static final RedisScript<Long> SCRIPT = RedisScript.of("""
			local indexed = ARGV[2] ~= ''
			local n = indexed and (#KEYS - 1) or #KEYS
			local index = KEYS[#KEYS]
			local function digest(key)
			  local ok, current = pcall(redis.call, 'GET', key)
			  return (ok and current) and redis.sha1hex(current) or ''
			end
			for i = 1, n do
			  local at = 3 + 5 * (i - 1)
			  local guard, loaded, key = ARGV[at], ARGV[at + 1], KEYS[i]
			  if guard ~= 'p' then
			    local kind = redis.call('TYPE', key).ok
			    if kind ~= 'none' and kind ~= 'string' then return 100 + i end
			    if guard == 'c' and kind ~= 'none' and redis.call('HEXISTS', index, key) == 0 then
			      return 200 + i
			    end
			    if guard == 'l' and redis.call('HEXISTS', index, key) == 0 and digest(key) ~= loaded then
			      return 200 + i
			    end
			  end
			  if ARGV[1] == '1' and digest(key) ~= loaded then return 0 end
			end
			for i = 1, n do
			  local at = 3 + 5 * (i - 1)
			  if ARGV[at + 2] ~= '' then
			    local ttl = tonumber(ARGV[at + 2])
			    if ttl > 0 then
			      redis.call('SET', KEYS[i], ARGV[at + 3], 'EX', ttl)
			    else
			      redis.call('SET', KEYS[i], ARGV[at + 3])
			    end
			    if indexed and (ARGV[at] == 'c' or ARGV[at] == 'l') then
			      redis.call('HSET', index, KEYS[i], ARGV[at + 4])
			    end
			  end
			end
			if indexed then
			  local ttl = tonumber(ARGV[2])
			  if ttl > 0 then redis.call('EXPIRE', index, ttl) else redis.call('PERSIST', index) end
			  if redis.call('HLEN', index) > 32 then
			    for _, member in ipairs(redis.call('HKEYS', index)) do
			      if redis.call('EXISTS', member) == 0 then redis.call('HDEL', index, member) end
			    end
			  end
			end
			return 1
			""", Long.class);

	/** KEYS: the keys; ARGV: their values, then their TTLs in seconds (0: none). */
	private static final RedisScript<Long> PLAIN_SCRIPT = RedisScript.of("""
			for i, key in ipairs(KEYS) do
			  local ttl = tonumber(ARGV[#KEYS + i])
			  if ttl > 0 then
			    redis.call('SET', key, ARGV[i], 'EX', ttl)
			  else
			    redis.call('SET', key, ARGV[i])
			  end
			end
			return 1
			""", Long.class);

	private static final byte[] COMPARE = { '1' };

	private static final byte[] OVERWRITE = { '0' };

	private static final byte[] NOTHING = new byte[0];

	private SaveScript() {
	}

	/**
	 * @param keys the keys to check and write, in script order
	 * @param guards per key, how it is checked
	 * @param digests per key, the SHA-1 of what the load read, or null where not needed
	 * @param values per key, the value to write, or null to leave the key alone
	 * @param ttls per key, its time to live argument ({@code "0"} for none)
	 * @param entryIds per key, its entry's id, for the index
	 * @param compareAll whether every key must be unchanged since the load
	 * @param index the user's index, or null
	 * @param indexTtl the index's time to live argument, when there is an index
	 * @return the script to run, with its keys and arguments
	 */
	static Call call(String[] keys, Guard[] guards, byte[][] digests, byte[][] values, byte[][] ttls,
			byte[][] entryIds, boolean compareAll, @Nullable String index, byte @Nullable [] indexTtl) {
		if (!compareAll && index == null && writesEveryKeyUnchecked(guards, values)) {
			byte[][] arguments = new byte[keys.length * 2][];
			System.arraycopy(values, 0, arguments, 0, keys.length);
			System.arraycopy(ttls, 0, arguments, keys.length, keys.length);
			return new Call(PLAIN_SCRIPT, Arrays.asList(keys), arguments);
		}
		List<String> scriptKeys = new ArrayList<>(Arrays.asList(keys));
		if (index != null) {
			scriptKeys.add(index);
		}
		List<byte[]> arguments = new ArrayList<>(2 + keys.length * 5);
		arguments.add(compareAll ? COMPARE : OVERWRITE);
		arguments.add((index != null && indexTtl != null) ? indexTtl : NOTHING);
		for (int i = 0; i < keys.length; i++) {
			arguments.add(guards[i].code);
			arguments.add((digests != null && digests[i] != null) ? digests[i] : NOTHING);
			arguments.add((values[i] != null) ? ttls[i] : NOTHING);
			arguments.add((values[i] != null) ? values[i] : NOTHING);
			arguments.add(entryIds[i]);
		}
		return new Call(SCRIPT, scriptKeys, arguments.toArray(new byte[0][]));
	}

	private static boolean writesEveryKeyUnchecked(Guard[] guards, byte[][] values) {
		for (int i = 0; i < guards.length; i++) {
			if (guards[i] != Guard.NONE || values[i] == null) {
				return false;
			}
		}
		return true;
	}

	/**
	 * One run of a save script.
	 *
	 * @param script the script
	 * @param keys its keys
	 * @param arguments its arguments
	 */
	record Call(RedisScript<Long> script, List<String> keys, byte[][] arguments) {
	}

}

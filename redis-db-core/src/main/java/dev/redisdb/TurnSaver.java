package dev.redisdb;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.data.redis.RedisSystemException;

/**
 * A turn's save: the user as one item by the stored-elements rules, split per entry, checked and encoded, then
 * written in one round trip, atomically (a plain {@code SET} or one {@link SaveScript}), each key guarded as the
 * load left it; conditional on nothing having changed since the load for a conflict-safe update.
 */
final class TurnSaver {

	private final StoreOptions options;

	private final ValueCodec codec;

	private final StoredElementsRules rules;

	private final RedisCalls redis;

	private final SlotRouting slotRouting;

	/** Per entry of {@code options.entries()}: whether a save writes it (it stores something). */
	private final boolean[] written;

	/** Script arguments, computed once: each entry's TTL and id. */
	private final byte[][] ttlArguments;

	private final byte[][] entryIdArguments;

	TurnSaver(StoreOptions options, ValueCodec codec, StoredElementsRules rules, RedisCalls redis,
			SlotRouting slotRouting) {
		this.options = options;
		this.codec = codec;
		this.rules = rules;
		this.redis = redis;
		this.slotRouting = slotRouting;
		List<Entry> entries = options.entries();
		List<Entry> storingNothing = options.entriesStoringNothing();
		this.written = new boolean[entries.size()];
		this.ttlArguments = new byte[entries.size()][];
		this.entryIdArguments = new byte[entries.size()][];
		for (int i = 0; i < entries.size(); i++) {
			this.written[i] = !storingNothing.contains(entries.get(i));
			this.ttlArguments[i] = utf8(Long.toString(entries.get(i).ttlSeconds()));
			this.entryIdArguments[i] = utf8(entries.get(i).id());
		}
	}

	/** @return false when the save was conditional and the user changed since the load; nothing was written then */
	boolean save(StoredUser user, boolean onlyIfUnchanged, @Nullable RedisDbObservationContext observation) {
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
		DbItem whole = this.rules.toItem(user, StoredElementsRules.now());
		List<Entry> entries = this.options.entries();
		UserKeys keys = loaded.keys();
		String owner = (keys.index() != null) ? UserKeys.ownerTag(keys.userId()) : null;
		byte[][] values = new byte[entries.size()][];
		for (int i = 0; i < values.length; i++) {
			if (this.written[i]) {
				Entry entry = entries.get(i);
				DbItem part = StoredElementsRules.partFor(entry, whole, loaded.items().get(i));
				if (keys.isContextKeyed(i)) {
					part.otherFields().put(UserKeys.OWNER_FIELD, owner);
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

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

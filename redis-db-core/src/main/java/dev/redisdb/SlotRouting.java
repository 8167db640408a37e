package dev.redisdb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.redis.connection.ClusterSlotHashUtil;

/**
 * Which keys one save script may cover. On a single server (standalone or behind Sentinel), all of a user's keys.
 * On Redis Cluster a script may only touch keys of one hash slot: with {@code hash-tag} a user's keys
 * share one slot and the save stays one atomic script; with {@code cluster-non-atomic-writes} each slot
 * gets its own script, one after the other, and a failure can leave earlier slots written.
 * <p>
 * Whether Redis is a cluster is read from the connection factory's configuration, not from a connection, so Redis
 * need not be reachable at startup.
 */
final class SlotRouting {

	private final boolean cluster;

	private final boolean nonAtomicWrites;

	/** The one group of all of a user's keys, by index: what every save on a single server uses. */
	private final List<int[]> allKeys;

	private SlotRouting(boolean cluster, boolean nonAtomicWrites, int keyCount) {
		this.cluster = cluster;
		this.nonAtomicWrites = nonAtomicWrites;
		this.allKeys = List.of(IntStream.range(0, keyCount).toArray());
	}

	/**
	 * @param cluster whether the store's Redis is a cluster
	 * @param options the store's options
	 * @param writtenEntries the entries a save writes
	 * @return the routing
	 * @throws InvalidStoreOptionException when Redis is a cluster, several entries are written, and neither
	 * {@code hash-tag} nor {@code cluster-non-atomic-writes} says how
	 */
	static SlotRouting of(boolean cluster, StoreOptions options, List<Entry> writtenEntries) {
		if (cluster && writtenEntries.size() > 1 && !options.hashTag() && !options.clusterNonAtomicWrites()) {
			List<String> ids = writtenEntries.stream().map(Entry::id).toList();
			throw new InvalidStoreOptionException("hash-tag", "is off, but Redis is a cluster and a user's "
					+ writtenEntries.size() + " entries " + ids + " would hash to different slots, so one save "
					+ "could not write them atomically (Redis answers CROSSSLOT)", "either set hash-tag: true, "
					+ "which wraps the user id in {...} so a user's keys share one slot (keys then differ from "
					+ "Jovo's: existing data must be renamed), or set cluster-non-atomic-writes: true to write the "
					+ "entries one slot at a time, without atomicity");
		}
		return new SlotRouting(cluster, options.clusterNonAtomicWrites(), options.entries().size());
	}

	/** @return whether Redis is a cluster */
	boolean isCluster() {
		return this.cluster;
	}

	/**
	 * Groups a user's keys by what one script may cover.
	 * @param keys the user's entry keys
	 * @param index the user's index of context-keyed keys, or null when no key depends on the turn's context
	 * @param atomic whether the caller needs one atomic script (a conflict-safe update)
	 * @return key indexes per script, in the order to run them; one group of all keys wherever that is possible
	 * @throws InvalidDataAccessApiUsageException when the keys span several slots and that is not allowed
	 */
	List<int[]> scriptGroups(List<String> keys, @Nullable String index, boolean atomic) {
		if (!this.cluster) {
			return this.allKeys;
		}
		Map<Integer, List<Integer>> indexesBySlot = new LinkedHashMap<>();
		for (int i = 0; i < keys.size(); i++) {
			indexesBySlot.computeIfAbsent(ClusterSlotHashUtil.calculateSlot(keys.get(i)), (slot) -> new ArrayList<>())
				.add(i);
		}
		if (indexesBySlot.size() == 1 && (index == null || indexesBySlot.containsKey(ClusterSlotHashUtil
			.calculateSlot(index)))) {
			return this.allKeys;
		}
		if (index != null) {
			throw new InvalidDataAccessApiUsageException("Cannot save user: an entry's key depends on the turn's "
					+ "context, and on a cluster such a key must share the hash slot of the user's other keys and of "
					+ "its index '" + index + "': make the KeyStrategy put the user's hash tag into it");
		}
		if (!this.nonAtomicWrites || atomic) {
			throw new InvalidDataAccessApiUsageException("Cannot save user: its keys hash to " + indexesBySlot.size()
					+ " cluster slots; " + (atomic ? "a conflict-safe update needs them in one slot: "
							: "cluster-non-atomic-writes is off: ")
					+ "set hash-tag or make the KeyStrategy put a user's keys into one hash tag");
		}
		return indexesBySlot.values().stream().map((indexes) -> indexes.stream().mapToInt(Integer::intValue).toArray())
			.toList();
	}

	/** @return the keys grouped by hash slot, each group in the given order */
	static List<List<String>> bySlot(List<String> keys) {
		Map<Integer, List<String>> keysBySlot = new LinkedHashMap<>();
		for (String key : keys) {
			keysBySlot.computeIfAbsent(ClusterSlotHashUtil.calculateSlot(key), (slot) -> new ArrayList<>()).add(key);
		}
		return List.copyOf(keysBySlot.values());
	}

}

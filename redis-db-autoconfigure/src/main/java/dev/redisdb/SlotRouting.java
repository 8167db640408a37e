package dev.redisdb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.connection.ClusterSlotHashUtil;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Which keys one save script may cover. On a single server (standalone or behind Sentinel), all of a user's keys.
 * On Redis Cluster a script may only touch keys of one hash slot: with {@code jovo.redis.hash-tag} a user's keys
 * share one slot and the save stays one atomic script; with {@code jovo.redis.cluster-non-atomic-writes} each slot
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
		this.allKeys = List.of(java.util.stream.IntStream.range(0, keyCount).toArray());
	}

	/**
	 * @param connectionFactory the factory the store's template uses, may be null
	 * @param properties the configuration
	 * @param writtenEntries the entries a save writes
	 * @return the routing
	 * @throws IllegalArgumentException when Redis is a cluster, several entries are written, and neither
	 * {@code hash-tag} nor {@code cluster-non-atomic-writes} says how
	 */
	static SlotRouting of(RedisConnectionFactory connectionFactory, RedisDbProperties properties,
			List<RedisDbProperties.Entry> writtenEntries) {
		boolean cluster = connectionFactory instanceof LettuceConnectionFactory lettuce && lettuce.isClusterAware();
		if (cluster && writtenEntries.size() > 1 && !properties.hashTag() && !properties.clusterNonAtomicWrites()) {
			List<String> ids = writtenEntries.stream().map(RedisDbProperties.Entry::id).toList();
			throw RedisDbProperties.invalid("hash-tag", "is off, but Redis is a cluster and a user's "
					+ writtenEntries.size() + " entries " + ids + " would hash to different slots, so one save "
					+ "could not write them atomically (Redis answers CROSSSLOT). Either set jovo.redis.hash-tag: "
					+ "true, which wraps the user id in {...} so a user's keys share one slot (keys then differ from "
					+ "Jovo's: existing data must be renamed), or set jovo.redis.cluster-non-atomic-writes: true to "
					+ "write the entries one slot at a time, without atomicity");
		}
		return new SlotRouting(cluster, properties.clusterNonAtomicWrites(), properties.entries().size());
	}

	/**
	 * Groups a user's keys by what one script may cover.
	 * @param keys the user's entry keys
	 * @param atomic whether the caller needs one atomic script (a conflict-safe update)
	 * @return key indexes per script, in the order to run them; one group of all keys wherever that is possible
	 * @throws RedisDbException when the keys span several slots and that is not allowed
	 */
	List<int[]> scriptGroups(byte[][] keys, boolean atomic) {
		if (!this.cluster) {
			return this.allKeys;
		}
		Map<Integer, List<Integer>> indexesBySlot = new LinkedHashMap<>();
		for (int i = 0; i < keys.length; i++) {
			indexesBySlot.computeIfAbsent(ClusterSlotHashUtil.calculateSlot(keys[i]), (slot) -> new ArrayList<>())
				.add(i);
		}
		if (indexesBySlot.size() == 1) {
			return this.allKeys;
		}
		if (!this.nonAtomicWrites || atomic) {
			throw new RedisDbException("Cannot save user: its keys hash to " + indexesBySlot.size()
					+ " cluster slots; " + (atomic ? "a conflict-safe update needs them in one slot: "
							: "jovo.redis.cluster-non-atomic-writes is off: ")
					+ "set jovo.redis.hash-tag or make the KeyStrategy put a user's keys into one hash tag");
		}
		return indexesBySlot.values().stream().map((indexes) -> indexes.stream().mapToInt(Integer::intValue).toArray())
			.toList();
	}

}

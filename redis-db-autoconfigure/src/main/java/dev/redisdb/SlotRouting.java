package dev.redisdb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.springframework.core.NestedRuntimeException;
import org.springframework.data.redis.connection.ClusterSlotHashUtil;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Where a save's script runs. On a single server (standalone or behind Sentinel) it runs once over all entry keys. On
 * Redis Cluster a script may only touch keys of one hash slot, so the keys are grouped by slot: with
 * {@code jovo.redis.hash-tag} they form one group and the save stays one atomic script; with
 * {@code jovo.redis.cluster-non-atomic-writes} each slot gets its own script, one after the other, and a failure can
 * leave earlier slots written.
 * <p>
 * Whether Redis is a cluster is read from the connection factory's configuration, not from a connection, so
 * Redis need not be reachable at startup. Only Lettuce's factory tells; with any other the store assumes a single
 * server.
 */
final class SlotRouting {

	private final boolean cluster;

	private final boolean nonAtomicWrites;

	private SlotRouting(boolean cluster, boolean nonAtomicWrites) {
		this.cluster = cluster;
		this.nonAtomicWrites = nonAtomicWrites;
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
		return new SlotRouting(cluster, properties.clusterNonAtomicWrites());
	}

	/**
	 * Runs the save script over the keys, once or once per hash slot.
	 * @param keys the entry keys
	 * @param arguments two script arguments per key, in key order
	 * @param script runs the script over some keys and their arguments
	 * @throws RedisDbException when the keys span several slots and non-atomic writes are not allowed, or when a
	 * slot fails after others were written
	 */
	void save(List<String> keys, Object[] arguments, BiConsumer<List<String>, Object[]> script) {
		if (!this.cluster) {
			script.accept(keys, arguments);
			return;
		}
		Map<Integer, List<Integer>> indexesBySlot = new LinkedHashMap<>();
		for (int i = 0; i < keys.size(); i++) {
			indexesBySlot.computeIfAbsent(ClusterSlotHashUtil.calculateSlot(keys.get(i)), (slot) -> new ArrayList<>())
				.add(i);
		}
		if (indexesBySlot.size() == 1) {
			script.accept(keys, arguments);
			return;
		}
		if (!this.nonAtomicWrites) {
			throw new RedisDbException("Cannot save user: its keys " + keys + " hash to " + indexesBySlot.size()
					+ " cluster slots and jovo.redis.cluster-non-atomic-writes is off; make the KeyStrategy put a "
					+ "user's keys into one hash tag, or allow non-atomic writes");
		}
		int written = 0;
		for (List<Integer> indexes : indexesBySlot.values()) {
			List<String> slotKeys = new ArrayList<>(indexes.size());
			Object[] slotArguments = new Object[indexes.size() * 2];
			for (int j = 0; j < indexes.size(); j++) {
				slotKeys.add(keys.get(indexes.get(j)));
				slotArguments[2 * j] = arguments[2 * indexes.get(j)];
				slotArguments[2 * j + 1] = arguments[2 * indexes.get(j) + 1];
			}
			if (written == 0) {
				script.accept(slotKeys, slotArguments);
			}
			else {
				try {
					script.accept(slotKeys, slotArguments);
				}
				catch (RuntimeException ex) {
					throw new RedisDbException("Cannot save user: Redis failed after " + written + " of "
							+ keys.size() + " keys were written one slot at a time "
							+ "(jovo.redis.cluster-non-atomic-writes), so the user's entries may be out of step: "
							+ ((ex instanceof NestedRuntimeException nested) ? nested.getMostSpecificCause().getMessage()
									: ex.getMessage()), ex);
				}
			}
			written += indexes.size();
		}
	}

}

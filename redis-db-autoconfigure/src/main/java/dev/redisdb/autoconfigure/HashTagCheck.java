package dev.redisdb.autoconfigure;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.redisdb.Entry;
import dev.redisdb.KeyStrategy;
import dev.redisdb.StoreOptions;
import dev.redisdb.TurnContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.redis.connection.ClusterSlotHashUtil;

/**
 * Warns at startup when {@code jovo.redis.hash-tag} is on but the application's {@link KeyStrategy} ignores
 * {@link StoreOptions#hashTag()}: the keys it makes for one user span several Redis Cluster hash slots. On a single
 * server nothing fails, so the property would otherwise have no effect unnoticed; on a cluster, saving such a user
 * fails (unless {@code cluster-non-atomic-writes} is on). The check asks the strategy for one made-up user's keys,
 * without turn context; a strategy that cannot make them is not checked.
 */
final class HashTagCheck implements SmartInitializingSingleton {

	private static final String PROBE_USER_ID = "hash-tag-check";

	private static final Log logger = LogFactory.getLog(HashTagCheck.class);

	private final ListableBeanFactory beanFactory;

	HashTagCheck(ListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		String[] strategies = this.beanFactory.getBeanNamesForType(KeyStrategy.class);
		String[] options = this.beanFactory.getBeanNamesForType(StoreOptions.class);
		if (strategies.length != 1 || options.length != 1) {
			return;
		}
		String warning = check(strategies[0], this.beanFactory.getBean(strategies[0], KeyStrategy.class),
				this.beanFactory.getBean(options[0], StoreOptions.class));
		if (warning != null) {
			logger.warn(warning);
		}
	}

	/**
	 * @return the warning, or null when the hash tag is off or the keys of one user share a slot
	 */
	static @Nullable String check(String beanName, KeyStrategy strategy, StoreOptions options) {
		List<Entry> storingNothing = options.entriesStoringNothing();
		List<Entry> written = options.entries().stream().filter((entry) -> !storingNothing.contains(entry)).toList();
		if (!options.hashTag() || written.size() < 2) {
			return null;
		}
		Set<Integer> slots;
		try {
			slots = written.stream()
				.map((entry) -> strategy.createKey(PROBE_USER_ID, entry, options, TurnContext.none()))
				.map(ClusterSlotHashUtil::calculateSlot)
				.collect(Collectors.toSet());
		}
		catch (RuntimeException ex) {
			logger.debug("Could not check whether KeyStrategy bean '" + beanName + "' uses the hash tag", ex);
			return null;
		}
		if (slots.size() == 1) {
			return null;
		}
		return "jovo.redis.hash-tag is true, but KeyStrategy bean '" + beanName + "' ignores StoreOptions.hashTag(): "
				+ "a user's entries " + written.stream().map(Entry::id).toList() + " get keys in " + slots.size()
				+ " Redis Cluster hash slots, so on a cluster a save cannot write them in one atomic script and "
				+ "fails (unless cluster-non-atomic-writes is on). Delegate to KeyStrategy.jovo(), "
				+ "which wraps the user id in {...} when the hash tag is on, or put one hash tag into all of a "
				+ "user's keys";
	}

}

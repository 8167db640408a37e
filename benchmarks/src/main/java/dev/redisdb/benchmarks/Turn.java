package dev.redisdb.benchmarks;

import java.util.concurrent.ThreadLocalRandom;

/**
 * One turn of one user, as a voice app does it: load the user, increment the visit counter, replace the last
 * intent, (split configuration) set a session value and hand over the turn's output for the history, save.
 * Implementations are thread-safe and share one connection between all threads.
 */
interface Turn extends AutoCloseable {

	/** The intents a turn records, one picked at random per turn. */
	String[] INTENTS = { "PlayIntent", "PauseIntent", "NextIntent", "HelpIntent" };

	/**
	 * @param variant {@code store}, {@code store-app-connection}, {@code store-metrics} or {@code baseline}, as in the
	 * benchmarks' parameter
	 * @param port the benchmark's redis-server
	 * @param config the configuration
	 * @return the variant's turn, connected
	 */
	static Turn of(String variant, int port, StoreConfig config) {
		return switch (variant) {
			case "store" -> new StoreTurn(port, config);
			case "store-app-connection" -> new StoreTurn(port, config, StoreConnection.APPLICATION, false);
			case "store-metrics" -> new StoreTurn(port, config, StoreConnection.OWN, true);
			case "baseline" -> new LettuceTurn(port, config);
			default -> throw new IllegalArgumentException("Unknown variant " + variant);
		};
	}

	/**
	 * @param userId the user
	 * @param intent the value that replaces the user's {@code lastIntent}
	 * @return the visit counter after the turn
	 */
	int run(String userId, String intent);

	/**
	 * Runs the turn of a user and with an intent picked at random.
	 * @param userIds the users to pick from
	 * @return the visit counter after the turn
	 */
	default int runForRandomUser(String[] userIds) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return run(userIds[random.nextInt(userIds.length)], INTENTS[random.nextInt(INTENTS.length)]);
	}

	@Override
	void close();

}

package dev.redisdb.benchmarks;

/**
 * One turn of one user, as a voice app does it: load the user, increment the visit counter, replace the last
 * intent, (split configuration) set a session value and hand over the turn's output for the history, save.
 * Implementations are thread-safe and share one connection between all threads.
 */
interface Turn extends AutoCloseable {

	/**
	 * @param userId the user
	 * @param intent the value that replaces the user's {@code lastIntent}
	 * @return the visit counter after the turn
	 */
	int run(String userId, String intent);

	@Override
	void close();

}

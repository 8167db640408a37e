package dev.redisdb;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same turn on many threads at once, released together, and rethrows the first failure.
 */
public final class Concurrently {

	private Concurrently() {
	}

	/**
	 * @param threads how many threads
	 * @param turnsPerThread how often each thread runs the turn
	 * @param turn the work of one turn
	 * @throws Exception the first failure of any turn, or a timeout after two minutes
	 */
	public static void run(int threads, int turnsPerThread, Runnable turn) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> results = new ArrayList<>();
			for (int thread = 0; thread < threads; thread++) {
				results.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < turnsPerThread; i++) {
						turn.run();
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> result : results) {
				result.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

}

package dev.redisdb.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import dev.redisdb.RedisDbUnavailableException;
import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredUser;

import org.springframework.dao.DataAccessException;

/**
 * Traffic for failover tests: threads that each load and save users of their own in a loop, every save writing one
 * fresh token into all three entries of the split example (user data, session data, the history's output). It
 * records every failed call and when it ended, the longest pause between acknowledged saves after the kill, and the
 * tokens of the saves that were acknowledged and of those that failed (a failed save may still have been applied).
 * {@link #verify()} then reads every user back.
 */
final class FailoverTraffic implements AutoCloseable {

	private final RedisUserStore store;

	private final List<Thread> threads = new ArrayList<>();

	private final long startedAt = System.nanoTime();

	private volatile boolean running = true;

	private volatile long killedAt;

	private final AtomicLong lastFailureEndedAt = new AtomicLong();

	private final AtomicLong lastSaveAt = new AtomicLong();

	/** The longest pause between acknowledged saves after the kill: its end and its length. */
	private long longestPauseEndedAt;

	private long longestPause;

	private final AtomicLong saves = new AtomicLong();

	private final AtomicLong savesBeforeKill = new AtomicLong();

	private final ConcurrentLinkedQueue<DataAccessException> failures = new ConcurrentLinkedQueue<>();

	/** Per user: the token of the last acknowledged save, then those of the failed saves after it. */
	private final Map<String, List<String>> possibleTokens = new ConcurrentHashMap<>();

	private final Map<String, String> acknowledgedTokens = new ConcurrentHashMap<>();

	private FailoverTraffic(RedisUserStore store) {
		this.store = store;
	}

	static FailoverTraffic start(RedisUserStore store, int threads, int usersPerThread) {
		FailoverTraffic traffic = new FailoverTraffic(store);
		for (int thread = 0; thread < threads; thread++) {
			List<String> users = new ArrayList<>();
			for (int user = 0; user < usersPerThread; user++) {
				users.add("user-" + thread + "-" + user);
				traffic.possibleTokens.put(users.get(user), new ArrayList<>());
			}
			int number = thread;
			Thread worker = new Thread(() -> traffic.saveInTurn(number, users), "failover-traffic-" + thread);
			worker.setDaemon(true);
			traffic.threads.add(worker);
		}
		traffic.threads.forEach(Thread::start);
		return traffic;
	}

	private void saveInTurn(int thread, List<String> users) {
		long sequence = 0;
		while (this.running) {
			String userId = users.get((int) (sequence % users.size()));
			String token = "t" + thread + "-" + sequence++;
			StoredUser user;
			try {
				user = this.store.load(userId);
			}
			catch (DataAccessException ex) {
				failed(ex);
				continue;
			}
			user.data().put("token", token);
			user.session().data().put("token", token);
			user.currentTurn().put("output", token);
			List<String> possible = this.possibleTokens.get(userId);
			try {
				this.store.save(user);
				acknowledged();
				this.acknowledgedTokens.put(userId, token);
				possible.clear();
				possible.add(token);
				this.saves.incrementAndGet();
			}
			catch (DataAccessException ex) {
				possible.add(token);
				failed(ex);
			}
		}
	}

	private void acknowledged() {
		long now = System.nanoTime();
		long previous = this.lastSaveAt.getAndAccumulate(now, Math::max);
		if (this.killedAt != 0 && now > this.killedAt) {
			synchronized (this) {
				long gap = now - Math.max(previous, this.killedAt);
				if (gap > this.longestPause) {
					this.longestPause = gap;
					this.longestPauseEndedAt = now;
				}
			}
		}
	}

	private void failed(DataAccessException ex) {
		this.failures.add(ex);
		this.lastFailureEndedAt.accumulateAndGet(System.nanoTime(), Math::max);
		sleepAfterFailure();
	}

	/** Waits until the threads acknowledged {@code count} saves: connections open, code warmed up. */
	void awaitSaves(long count, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (this.saves.get() < count && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

	/** Kills a node while the traffic runs and notes when. */
	void kill(Runnable kill) {
		this.savesBeforeKill.set(this.saves.get());
		this.killedAt = System.nanoTime();
		kill.run();
	}

	/** @return how long after the kill the last failed call ended, zero if none failed after it */
	Duration lastFailureAfterKill() {
		return Duration.ofNanos(Math.max(0, this.lastFailureEndedAt.get() - this.killedAt));
	}

	/** @return the longest time after the kill in which no save was acknowledged */
	synchronized Duration longestPauseInSaves() {
		return Duration.ofNanos(this.longestPause);
	}

	/** @return how long after the kill the longest pause in acknowledged saves ended */
	synchronized Duration savesResumedAfterKill() {
		return Duration.ofNanos(Math.max(0, this.longestPauseEndedAt - this.killedAt));
	}

	/**
	 * Waits until no call failed for {@code quiet}, or until {@code limit} after the kill, then stops the threads.
	 */
	void runUntilQuietFor(Duration quiet, Duration limit) throws InterruptedException {
		while (System.nanoTime() - this.killedAt < limit.toNanos()
				&& System.nanoTime() - Math.max(this.lastFailureEndedAt.get(), this.killedAt) < quiet.toNanos()) {
			Thread.sleep(50);
		}
		close();
	}

	long saves() {
		return this.saves.get();
	}

	long savesBeforeKill() {
		return this.savesBeforeKill.get();
	}

	Duration beforeKill() {
		return Duration.ofNanos(this.killedAt - this.startedAt);
	}

	List<DataAccessException> failures() {
		return List.copyOf(this.failures);
	}

	/**
	 * @return the failures counted by what they said: "timeout", "not connected", "connection lost" or Redis's error
	 * code
	 */
	Map<String, Integer> failuresByReason() {
		Map<String, Integer> reasons = new LinkedHashMap<>();
		for (DataAccessException failure : this.failures) {
			reasons.merge(reason(failure), 1, Integer::sum);
		}
		return reasons;
	}

	private static String reason(DataAccessException failure) {
		String message = String.valueOf(failure.getMessage());
		if (!(failure instanceof RedisDbUnavailableException)) {
			return failure.getClass().getSimpleName();
		}
		if (message.contains("(it answered ")) {
			String reply = message.substring(message.indexOf("(it answered ") + "(it answered ".length());
			return reply.split(" ")[0];
		}
		if (message.contains("did not answer") || message.contains("timed out")) {
			return "timeout";
		}
		if (message.contains("not connected") || message.contains("Connection refused")) {
			return "not connected";
		}
		if (message.contains("Connection reset") || message.contains("Connection closed")) {
			return "connection lost";
		}
		return message;
	}

	/** Loads every user once the traffic stopped and compares its entries' tokens. */
	Verification verify() {
		int users = 0;
		int unreadable = 0;
		int torn = 0;
		int lost = 0;
		List<String> examples = new ArrayList<>();
		for (Map.Entry<String, List<String>> user : this.possibleTokens.entrySet()) {
			StoredUser loaded;
			try {
				loaded = this.store.load(user.getKey());
				users++;
			}
			catch (DataAccessException ex) {
				unreadable++;
				continue;
			}
			Set<Object> tokens = new HashSet<>();
			tokens.add(loaded.data().get("token"));
			tokens.add(loaded.session().data().get("token"));
			tokens.add(loaded.history().isEmpty() ? null : loaded.history().get(0).get("output"));
			if (tokens.size() > 1) {
				torn++;
				examples.add(user.getKey() + " " + tokens);
			}
			else if (this.acknowledgedTokens.containsKey(user.getKey())
					&& !user.getValue().contains(tokens.iterator().next())) {
				lost++;
			}
		}
		return new Verification(users, unreadable, torn, lost, examples);
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		for (Thread thread : this.threads) {
			thread.join(10_000);
		}
	}

	private static void sleepAfterFailure() {
		try {
			Thread.sleep(10);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * @param users users read back
	 * @param unreadable users whose load failed
	 * @param torn users whose entries carry different tokens
	 * @param lostAcknowledged users whose stored token is neither that of their last acknowledged save nor of a failed
	 * save after it: an acknowledged save was lost
	 * @param tornExamples some torn users and their tokens
	 */
	record Verification(int users, int unreadable, int torn, int lostAcknowledged, List<String> tornExamples) {
	}

}

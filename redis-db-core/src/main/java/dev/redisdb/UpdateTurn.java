package dev.redisdb;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One conflict-safe update's place among the updates of the same user in this JVM. An update that met a conflict
 * waits for its turn behind the other updates of that user that met one, first come first served, and an update
 * that finds such a line joins it before its first attempt. Updates in one line no longer invalidate each other's
 * loads: only updates from other processes can still conflict with the one whose turn it is. Without contention no
 * update waits. Users share a fixed set of fair locks by the hash of their id, so two users that land on the same
 * lock wait for each other while both are contended.
 */
final class UpdateTurn {

	private static final int LOCKS = 1024;

	/** Longest wait for the turn; past it the update goes on without it, as it would without other updates here. */
	private static final long MAX_WAIT_MILLIS = 1000;

	private static final ReentrantLock[] lines = new ReentrantLock[LOCKS];

	static {
		for (int i = 0; i < LOCKS; i++) {
			lines[i] = new ReentrantLock(true);
		}
	}

	private final ReentrantLock line;

	private boolean held;

	private UpdateTurn(ReentrantLock line) {
		this.line = line;
	}

	static UpdateTurn of(String userId) {
		int hash = Objects.hashCode(userId);
		return new UpdateTurn(lines[(hash ^ (hash >>> 16)) & (LOCKS - 1)]);
	}

	/** Joins the line of the user's updates, if there is one, before the first attempt. */
	void joinIfOthersWait() {
		if (this.line.isLocked() || this.line.hasQueuedThreads()) {
			take();
		}
	}

	/**
	 * Waits until the updates of the user ahead of this one are done, at most {@value #MAX_WAIT_MILLIS} ms.
	 * @return whether this update has the turn now
	 */
	boolean take() {
		if (!this.held) {
			try {
				this.held = this.line.tryLock(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new RedisDbUnavailableException("Interrupted while waiting to retry a conflict-safe update", ex);
			}
		}
		return this.held;
	}

	boolean held() {
		return this.held;
	}

	/** Hands the turn to the next update of the user, if this one had it. */
	void leave() {
		if (this.held) {
			this.held = false;
			this.line.unlock();
		}
	}

}

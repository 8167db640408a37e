package dev.redisdb;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * {@link RedisUserStore#update}: load, change and save only if nobody saved the user in between, otherwise again,
 * up to {@link StoreOptions#updateAttempts()} times, taking turns with the same user's updates in this JVM.
 */
final class ConflictSafeUpdate {

	private final StoreOptions options;

	private final TurnLoader loader;

	private final TurnSaver saver;

	ConflictSafeUpdate(StoreOptions options, TurnLoader loader, TurnSaver saver) {
		this.options = options;
		this.loader = loader;
		this.saver = saver;
	}

	StoredUser update(String userId, TurnContext context, Consumer<StoredUser> change,
			@Nullable RedisDbObservationContext observation) {
		int attempts = this.options.updateAttempts();
		UpdateTurn turn = UpdateTurn.of(userId);
		try {
			turn.joinIfOthersWait();
			for (int attempt = 1; attempt <= attempts; attempt++) {
				if (observation != null) {
					observation.attempts(attempt);
				}
				StoredUser user = this.loader.load(userId, context);
				change.accept(user);
				if (this.saver.save(user, true, observation)) {
					return user;
				}
				backOff(turn, attempt);
			}
		}
		finally {
			turn.leave();
		}
		throw new RedisDbConflictException("Cannot update user: it was changed concurrently on each of " + attempts
				+ " attempts (update-attempts)");
	}

	/**
	 * After a conflict with an update of this JVM, waits for the turn. With the turn, the conflict came from another
	 * process: sleeps a random time below 2 ms doubled with each attempt, at most 200 ms ("full jitter"), so that the
	 * processes' retries drift apart.
	 */
	private static void backOff(UpdateTurn turn, int attempt) {
		if (!turn.held() && turn.take()) {
			return;
		}
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(Math.min(200, 2L << Math.min(attempt - 1, 7)) + 1));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RedisDbUnavailableException("Interrupted while retrying a conflict-safe update", ex);
		}
	}

}

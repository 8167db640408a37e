package dev.redisdb;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Many threads incrementing one counter of one user: the conflict-safe update loses none and, at the default
 * {@code update-attempts}, gives up on none; plain load/save loses some.
 */
class ConflictSafeUpdateIntegrationTests {

	private static final int THREADS = 32;

	private static final int INCREMENTS = 50;

	@RegisterExtension
	static final StoreExtension redis = new StoreExtension();

	@ParameterizedTest
	@ValueSource(strings = { "default", "split" })
	void conflictSafeUpdateLosesNoIncrementAndGivesUpOnNoneAtTheDefaultAttempts(String config) throws Exception {
		RedisUserStore store = redis.store(config(config));
		AtomicInteger conflicts = new AtomicInteger();
		Concurrently.run(64, 100, () -> {
			try {
				store.update("U", TurnContext.none(), ConflictSafeUpdateIntegrationTests::increment);
			}
			catch (RedisDbConflictException ex) {
				conflicts.incrementAndGet();
			}
		});
		assertThat(conflicts).hasValue(0);
		assertThat(store.load("U").data().get("counter")).isEqualTo(64 * 100);
	}

	@ParameterizedTest
	@ValueSource(strings = { "default", "split" })
	void plainLoadAndSaveLosesIncrements(String config) throws Exception {
		RedisUserStore store = redis.store(config(config));
		Concurrently.run(THREADS, INCREMENTS, () -> {
			StoredUser user = store.load("U");
			increment(user);
			store.save(user);
		});
		assertThat((Integer) store.load("U").data().get("counter")).isLessThan(THREADS * INCREMENTS);
	}

	@Test
	void givesUpWithAClearExceptionAfterTheConfiguredAttempts() {
		RedisUserStore store = redis.store(StoreOptions.builder().updateAttempts(3).build());
		store.save(store.load("U"));
		List<Integer> attempts = new ArrayList<>();
		assertThatExceptionOfType(RedisDbConflictException.class)
			.isThrownBy(() -> store.update("U", TurnContext.none(), (user) -> {
				attempts.add(attempts.size() + 1);
				redis.server().call((commands) -> commands.append("data:U", " "));
			}))
			.withMessage("Cannot update user: it was changed concurrently on each of 3 attempts "
					+ "(update-attempts)");
		assertThat(attempts).containsExactly(1, 2, 3);
	}

	@Test
	void updateOfANewUserFailsWhenAnotherRequestCreatedItMeanwhile() {
		RedisUserStore store = redis.store(StoreOptions.builder().updateAttempts(1).build());
		assertThatExceptionOfType(RedisDbConflictException.class)
			.isThrownBy(() -> store.update("U", TurnContext.none(), (user) -> {
				user.data().put("mine", true);
				StoredUser other = store.load("U");
				other.data().put("theirs", true);
				store.save(other);
			}));
		assertThat(store.load("U").data()).containsOnlyKeys("theirs");
	}

	private static StoreOptions config(String name) {
		return name.equals("split") ? RedisUserStoreIntegrationTests.SPLIT : StoreOptions.defaults();
	}

	static void increment(StoredUser user) {
		user.data().put("counter", user.data().get("counter", Integer.class, 0) + 1);
	}

}

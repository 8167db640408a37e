package dev.redisdb;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * 32 threads x 50 increments of one counter of one user: the conflict-safe update loses none, plain load/save does.
 */
class ConflictSafeUpdateIntegrationTests {

	private static final int THREADS = 32;

	private static final int INCREMENTS = 50;

	@RegisterExtension
	static final StoreExtension redis = new StoreExtension();

	@ParameterizedTest
	@ValueSource(strings = { "default", "split" })
	void conflictSafeUpdateLosesNoIncrement(String config) throws Exception {
		RedisUserStore store = redis.store(config(config));
		Concurrently.run(THREADS, INCREMENTS, () -> store.update("U", TurnContext.none(), ConflictSafeUpdateIntegrationTests::increment));
		assertThat(store.load("U").data().get("counter")).isEqualTo(THREADS * INCREMENTS);
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
		StoreOptions options = name.equals("split") ? RedisUserStoreIntegrationTests.SPLIT : StoreOptions.defaults();
		return options.toBuilder().updateAttempts(10_000).build();
	}

	static void increment(StoredUser user) {
		user.data().put("counter", user.data().get("counter", Integer.class, 0) + 1);
	}

}

package dev.redisdb.autoconfigure;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import dev.redisdb.RedisDbUnavailableException;
import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredUser;
import dev.redisdb.TurnContext;
import dev.redisdb.test.RedisServer;
import dev.redisdb.test.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code jovo.redis.timeout} bounds every store call against a Redis that does not answer (SIGSTOP), on the
 * application's connection whatever {@code spring.data.redis.timeout} is, and on a connection string's; the
 * application's own commands keep Boot's timeout. Sentinel and cluster: see their failover tests.
 */
class StoreTimeoutIntegrationTests {

	static final Duration TIMEOUT = Duration.ofMillis(500);

	/** What Lettuce's timer (10 ms ticks) and handing the failure to the caller may add on an idle machine. */
	static final Duration LATENESS = Duration.ofMillis(100);

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class))
		.withPropertyValues("jovo.redis.timeout=" + TIMEOUT.toMillis() + "ms");

	@AfterEach
	void resume() {
		redis.server().resume();
	}

	@Test
	void onTheApplicationsConnectionEveryCallEndsWithinTheStoresTimeoutAndTheApplicationKeepsBoots() {
		this.contextRunner
			.withPropertyValues("spring.data.redis.port=" + redis.server().port(), "spring.data.redis.timeout=60s")
			.run((context) -> {
				RedisUserStore store = context.getBean(RedisUserStore.class);
				callsEndWithinTheTimeout(store, redis.server());
				StringRedisTemplate application = context.getBean(StringRedisTemplate.class);
				AtomicReference<Object> answer = new AtomicReference<>();
				redis.server().pause();
				Thread waiting = new Thread(() -> {
					try {
						answer.set(application.opsForValue().get("data:U"));
					}
					catch (RuntimeException ex) {
						answer.set(ex);
					}
				});
				waiting.start();
				waiting.join(TIMEOUT.multipliedBy(3).toMillis());
				assertThat(waiting.isAlive()).as("the application's command waits, on Boot's 60 s timeout").isTrue();
				redis.server().resume();
				waiting.join(5_000);
				assertThat(answer.get()).as("the application's answer once Redis goes on").isInstanceOf(String.class);
			});
	}

	@Test
	void onAConnectionStringsConnectionEveryCallEndsWithinTheStoresTimeout() {
		this.contextRunner.withPropertyValues("jovo.redis.connection-string=" + redis.server().uri())
			.run((context) -> callsEndWithinTheTimeout(context.getBean(RedisUserStore.class), redis.server()));
	}

	/** Loads, saves, updates and deletes against a paused server; each fails in time, and then the store recovers. */
	static void callsEndWithinTheTimeout(RedisUserStore store, RedisServer server) {
		StoredUser user = store.load("U");
		user.data().put("visits", 1);
		store.save(user);
		server.pause();
		try {
			assertEndsInTime("load", () -> store.load("U"), false);
			assertEndsInTime("save", () -> store.save(user), true);
			assertEndsInTime("update", () -> store.update("U", TurnContext.none(),
					(changed) -> changed.data().put("visits", 2)), false);
			assertEndsInTime("delete", () -> store.delete("U"), true);
		}
		finally {
			server.resume();
		}
		assertThat(store.load("U").isNew()).isFalse();
	}

	/**
	 * A load (and a save) of a user against a paused server, each failing in time; short enough that neither a
	 * cluster nor Sentinel takes the server for failed.
	 */
	static void callsEndWithinTheTimeout(RedisUserStore store, RedisServer server, String userId, boolean save) {
		StoredUser user = store.load(userId);
		server.pause();
		try {
			assertEndsInTime("load", () -> store.load(userId), false);
			if (save) {
				assertEndsInTime("save", () -> store.save(user), true);
			}
		}
		finally {
			server.resume();
		}
		store.save(store.load(userId));
	}

	private static void assertEndsInTime(String call, Runnable storeCall, boolean write) {
		Duration busy = wakeUpDelay();
		long start = System.nanoTime();
		RedisDbUnavailableException failure = catchThrowableOfType(RedisDbUnavailableException.class, storeCall::run);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(failure).as(call).isNotNull();
		assertThat(failure.getMessage()).as(call).contains("did not answer within " + TIMEOUT.toMillis() + " ms");
		assertThat(took).as(call + ", with threads waking up " + busy.toMillis() + " ms late")
			.isBetween(TIMEOUT, TIMEOUT.plus(LATENESS).plus(busy));
		assertThat(failure.mayHaveBeenApplied()).as(call).isEqualTo(write);
	}

	/**
	 * @return how much later than asked a sleeping thread wakes up right now: nothing to speak of on an idle machine,
	 * more on a busy one, where every timed wait, the store's included, ends that much later
	 */
	private static Duration wakeUpDelay() {
		long start = System.nanoTime();
		try {
			Thread.sleep(TIMEOUT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return Duration.ofNanos(System.nanoTime() - start).minus(TIMEOUT);
	}

}

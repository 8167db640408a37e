package dev.redisdb.autoconfigure;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.springframework.data.redis.RedisSystemException;
import dev.redisdb.RedisDbUnavailableException;
import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredUser;
import dev.redisdb.test.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.redisdb.Throwables.stackTraceOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Redis down, slow or restarting, seen through the store's own connection: the app starts, calls fail fast with a
 * clear message, nothing leaks, and the store recovers by itself.
 */
class RedisFailureIntegrationTests {

	private static final String PASSWORD = "s3cret-Pa55";

	private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension("--requirepass", PASSWORD);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class))
		.withPropertyValues("jovo.redis.connection-string=redis://:" + PASSWORD + "@127.0.0.1:" + redis.server().port(),
				"jovo.redis.timeout=" + COMMAND_TIMEOUT.toMillis() + "ms", "jovo.redis.connect-timeout=500ms");

	@AfterEach
	void serverRunsAgain() {
		if (!redis.server().isRunning()) {
			redis.server().restart();
		}
	}

	@Test
	void applicationStartsWhileRedisIsDownAndHealthReportsIt() {
		redis.server().kill();
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			HealthIndicator health = context.getBean("redisdbHealthIndicator", HealthIndicator.class);
			assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
			redis.server().restart();
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void callsFailWithinTheTimeoutWithoutThePassword() {
		this.contextRunner.run((context) -> {
			RedisUserStore store = context.getBean(RedisUserStore.class);
			StoredUser user = store.load("U");
			for (int outage = 1; outage <= 2; outage++) {
				redis.server().kill();
				for (Runnable call : new Runnable[] { () -> store.load("U"), () -> store.save(user),
						() -> store.delete("U") }) {
					long start = System.nanoTime();
					RedisDbUnavailableException failure = catchThrowableOfType(RedisDbUnavailableException.class,
							call::run);
					Duration took = Duration.ofNanos(System.nanoTime() - start);
					assertThat(failure).as("outage " + outage).isNotNull();
					assertThat(took).isLessThan(COMMAND_TIMEOUT.plusSeconds(1));
					assertThat(failure.getMessage()).contains("Redis is unavailable");
					assertThat(stackTraceOf(failure)).doesNotContain(PASSWORD);
				}
				redis.server().restart();
				awaitRecovery(store);
			}
		});
	}

	@Test
	void thousandFailedCallsLeakNoThreadsOrConnections() {
		this.contextRunner.run((context) -> {
			RedisUserStore store = context.getBean(RedisUserStore.class);
			store.save(store.load("U"));
			redis.server().kill();
			failedLoads(store, 50);
			int threadsBefore = Thread.activeCount();
			failedLoads(store, 1000);
			assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 2);
			redis.server().restart();
			awaitRecovery(store);
			String clients = redis.server().call((commands) -> commands.clientList());
			long storeConnections = Arrays.stream(clients.split("\n")).filter((line) -> line.contains("name=redis-db"))
				.count();
			assertThat(storeConnections).isEqualTo(1);
		});
	}

	@Test
	void recoversWithinTwoSecondsAfterRedisRestarts() {
		this.contextRunner.run((context) -> {
			RedisUserStore store = context.getBean(RedisUserStore.class);
			store.save(store.load("U"));
			redis.server().kill();
			assertThatExceptionOfType(RedisDbUnavailableException.class).isThrownBy(() -> store.load("U"));
			redis.server().restart();
			long restarted = System.nanoTime();
			awaitRecovery(store);
			assertThat(Duration.ofNanos(System.nanoTime() - restarted)).isLessThan(Duration.ofSeconds(2));
		});
	}

	@Test
	void acknowledgedSaveIsReadableByAnotherClient() {
		this.contextRunner.run((context) -> {
			RedisUserStore store = context.getBean(RedisUserStore.class);
			StoredUser user = store.load("U");
			user.data().put("visits", 7);
			store.save(user);
			String stored = redis.server().get("data:U");
			assertThat(stored).startsWith("{\"user\":{\"data\":{\"visits\":7}}");
		});
	}

	@Test
	void saveRefusedByRedisLeavesEveryStoredEntryIntact() {
		this.contextRunner
			.withPropertyValues("jovo.redis.stored-elements.session=true", "jovo.redis.entries[0].id=user",
					"jovo.redis.entries[0].user=true", "jovo.redis.entries[0].created-at=true",
					"jovo.redis.entries[0].updated-at=true", "jovo.redis.entries[1].id=session",
					"jovo.redis.entries[1].session=true", "jovo.redis.entries[1].ttl-seconds=1200")
			.run((context) -> {
				RedisUserStore store = context.getBean(RedisUserStore.class);
				StoredUser user = store.load("U");
				user.data().put("visits", 1);
				store.save(user);
				Map<String, String> before = storedEntries();

				StoredUser next = store.load("U");
				next.data().put("visits", 2);
				next.session().data().put("step", 2);
				configSet("maxmemory", "1");
				try {
					assertThatExceptionOfType(RedisSystemException.class).isThrownBy(() -> store.save(next))
						.withMessageContaining("answered with an error: OOM");
				}
				finally {
					configSet("maxmemory", "0");
				}
				assertThat(storedEntries()).isEqualTo(before);
			});
	}

	private static Map<String, String> storedEntries() {
		return redis.server().call((commands) -> {
			String user = commands.get("user:U");
			String session = commands.get("session:U");
			return (session != null) ? Map.of("user", user, "session", session) : Map.of("user", user);
		});
	}

	private static void configSet(String name, String value) {
		redis.server().call((commands) -> commands.configSet(name, value));
	}

	private static void failedLoads(RedisUserStore store, int count) {
		for (int i = 0; i < count; i++) {
			assertThatExceptionOfType(RedisDbUnavailableException.class).isThrownBy(() -> store.load("U"));
		}
	}

	private static void awaitRecovery(RedisUserStore store) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (true) {
			try {
				store.load("U");
				return;
			}
			catch (RedisDbUnavailableException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				Thread.sleep(20);
			}
		}
	}


}

package dev.redisdb.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.redisdb.RedisDbUnavailableException;
import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredUser;
import dev.redisdb.test.RedisSentinelGroup;
import dev.redisdb.test.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store behind Sentinel, on live processes: a primary, a replica and three sentinels. Sentinel is configured
 * through a {@code redis-sentinel://} connection string or through Spring Boot's {@code spring.data.redis.sentinel.*}.
 */
class SentinelFailoverIntegrationTests {

	private static final String PASSWORD = "sentinel-test-secret";

	private static final Duration FAILOVER_LIMIT = Duration.ofSeconds(30);

	private static RedisSentinelGroup sentinel;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class));

	@BeforeAll
	static void startSentinelGroup() {
		sentinel = RedisSentinelGroup.start(PASSWORD);
	}

	@AfterAll
	static void stopSentinelGroup() {
		if (sentinel != null) {
			sentinel.close();
		}
	}

	@Test
	void worksWithSpringBootSentinelProperties() {
		this.contextRunner
			.withPropertyValues("spring.data.redis.sentinel.master=" + RedisSentinelGroup.MASTER_NAME,
					"spring.data.redis.sentinel.nodes=" + sentinel.sentinelNodes(),
					"spring.data.redis.password=" + PASSWORD)
			.run((context) -> {
				RedisUserStore store = context.getBean(RedisUserStore.class);
				StoredUser user = store.load("boot-user");
				user.data().put("visits", 1);
				store.save(user);

				assertThat(store.load("boot-user").data()).containsEntry("visits", 1);
				assertThat(context.getBean("stringRedisTemplate", StringRedisTemplate.class).hasKey("data:boot-user"))
					.isTrue();
			});
	}

	@Test
	void servesAgainAfterFailoverAndFailsMeanwhileWithUnavailable() {
		String connectionString = "redis-sentinel://" + PASSWORD + "@" + sentinel.sentinelNodes() + "?timeout=500ms#"
				+ RedisSentinelGroup.MASTER_NAME;
		this.contextRunner.withPropertyValues("jovo.redis.connection-string=" + connectionString, unusedBootRedis())
			.run((context) -> {
				RedisUserStore store = context.getBean(RedisUserStore.class);
				StoredUser user = store.load("U1");
				user.data().put("visits", 1);
				store.save(user);
				int oldPrimary = sentinel.masterPort();
				sentinel.primary().call((commands) -> commands.waitForReplication(1, 2000));

				String clients = sentinel.primary().call((commands) -> commands.clientList());
				assertThat(clients).as("the store's connection").contains("name=redis-db");

				long killedAt = System.nanoTime();
				sentinel.primary().kill();
				List<RedisDbUnavailableException> failures = new ArrayList<>();
				Object visitsFirstLoadedAfterFailover = null;
				StoredUser afterFailover = null;
				while (afterFailover == null && System.nanoTime() - killedAt < FAILOVER_LIMIT.toNanos()) {
					try {
						StoredUser loaded = store.load("U1");
						if (visitsFirstLoadedAfterFailover == null) {
							visitsFirstLoadedAfterFailover = loaded.data().get("visits");
						}
						loaded.data().put("visits", 2);
						store.save(loaded);
						afterFailover = store.load("U1");
					}
					catch (RedisDbUnavailableException ex) {
						failures.add(ex);
						Thread.sleep(50);
					}
				}
				Duration servingAgainAfter = Duration.ofNanos(System.nanoTime() - killedAt);
				System.out.println("Sentinel failover: the store served loads and saves again "
						+ servingAgainAfter.toMillis() + " ms after the primary was killed; " + failures.size()
						+ " calls failed meanwhile, first with: "
						+ (failures.isEmpty() ? "-" : failures.get(0).getMessage()));

				assertThat(afterFailover).as("store serving again within %s", FAILOVER_LIMIT).isNotNull();
				assertThat(visitsFirstLoadedAfterFailover).as("replicated before the primary died").isEqualTo(1);
				assertThat(afterFailover.data()).containsEntry("visits", 2);
				assertThat(sentinel.masterPort()).isNotEqualTo(oldPrimary).isEqualTo(sentinel.replica().port());
				assertThat(failures).isNotEmpty()
					.allSatisfy((failure) -> assertThat(failure.getMessage()).startsWith("Cannot ")
						.doesNotContain(PASSWORD));
			});
	}

	/** Points Boot's own, unused connection at a closed port: nothing here may reach another Redis. */
	private static String unusedBootRedis() {
		return "spring.data.redis.url=redis://127.0.0.1:" + RedisServer.freePort();
	}

}

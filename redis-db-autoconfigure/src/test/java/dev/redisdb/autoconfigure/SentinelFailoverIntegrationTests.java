package dev.redisdb.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.redisdb.RedisDbUnavailableException;
import dev.redisdb.RedisUserStore;
import dev.redisdb.SplitExample;
import dev.redisdb.StoredUser;
import dev.redisdb.test.RedisSentinelGroup;
import dev.redisdb.test.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
 * After a failover the killed node is started again as the replica, ready for the next one.
 */
class SentinelFailoverIntegrationTests {

	private static final String PASSWORD = "sentinel-test-secret";

	private static final Duration FAILOVER_LIMIT = Duration.ofSeconds(30);

	private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(10);

	private static RedisSentinelGroup sentinel;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class));

	@BeforeAll
	static void startSentinelGroup() {
		sentinel = RedisSentinelGroup.start(PASSWORD);
	}

	@AfterEach
	void restartKilledNodes() {
		sentinel.restartKilledNodes();
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
	void aCallToAPrimaryThatDoesNotAnswerEndsWithinTheStoresTimeout() {
		this.contextRunner
			.withPropertyValues("spring.data.redis.sentinel.master=" + RedisSentinelGroup.MASTER_NAME,
					"spring.data.redis.sentinel.nodes=" + sentinel.sentinelNodes(),
					"spring.data.redis.password=" + PASSWORD,
					"jovo.redis.timeout=" + StoreTimeoutIntegrationTests.TIMEOUT.toMillis() + "ms")
			.run((context) -> StoreTimeoutIntegrationTests.callsEndWithinTheTimeout(
					context.getBean(RedisUserStore.class), sentinel.currentPrimary(), "paused-user", false));
	}

	@Test
	void servesAgainAfterFailoverAndFailsMeanwhileWithUnavailable() {
		String connectionString = "redis-sentinel://" + PASSWORD + "@" + sentinel.sentinelNodes() + "#"
				+ RedisSentinelGroup.MASTER_NAME;
		this.contextRunner.withPropertyValues("jovo.redis.connection-string=" + connectionString, unusedBootRedis())
			.run((context) -> {
				RedisUserStore store = context.getBean(RedisUserStore.class);
				StoredUser user = store.load("U1");
				user.data().put("visits", 1);
				store.save(user);
				RedisServer primary = sentinel.currentPrimary();
				RedisServer replica = sentinel.currentReplica();
				primary.call((commands) -> commands.waitForReplication(1, 2000));

				String clients = primary.call((commands) -> commands.clientList());
				assertThat(clients).as("the store's connection").contains("name=redis-db");

				long killedAt = System.nanoTime();
				primary.kill();
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
				assertThat(sentinel.masterPort()).isEqualTo(replica.port());
				assertThat(failures).isNotEmpty()
					.allSatisfy((failure) -> assertThat(failure.getMessage()).startsWith("Cannot ")
						.doesNotContain(PASSWORD));
			});
	}

	@Test
	void servesEveryUserAgainWithinTenSecondsOfAFailoverThroughBootsSentinelPropertiesWithoutTornSaves() {
		this.contextRunner
			.withPropertyValues("spring.data.redis.sentinel.master=" + RedisSentinelGroup.MASTER_NAME,
					"spring.data.redis.sentinel.nodes=" + sentinel.sentinelNodes(),
					"spring.data.redis.password=" + PASSWORD, "spring.data.redis.timeout=2s")
			.withPropertyValues(SplitExample.PROPERTIES)
			.run((context) -> {
				RedisUserStore store = context.getBean(RedisUserStore.class);
				RedisServer primary = sentinel.currentPrimary();
				RedisServer replica = sentinel.currentReplica();
				try (FailoverTraffic traffic = FailoverTraffic.start(store, 32, 30)) {
					traffic.awaitSaves(2000, Duration.ofSeconds(20));

					traffic.kill(primary::kill);
					traffic.runUntilQuietFor(Duration.ofSeconds(3), FAILOVER_LIMIT);
					FailoverTraffic.Verification verification = traffic.verify();

					System.out.printf("Sentinel failover (spring.data.redis.sentinel.*): no save was acknowledged "
							+ "for %d ms, until %d ms after the kill; the last failed call ended %d ms after it; %d "
							+ "calls failed %s; %d saves acknowledged (%d in the %d ms before the kill); %d users "
							+ "read back, %d not, %d torn, %d with an acknowledged save lost%n",
							traffic.longestPauseInSaves().toMillis(), traffic.savesResumedAfterKill().toMillis(),
							traffic.lastFailureAfterKill().toMillis(), traffic.failures().size(),
							traffic.failuresByReason(), traffic.saves(), traffic.savesBeforeKill(),
							traffic.beforeKill().toMillis(), verification.users(), verification.unreadable(),
							verification.torn(), verification.lostAcknowledged());
					assertThat(sentinel.masterPort()).isEqualTo(replica.port());
					assertThat(traffic.failures()).as("failed calls")
						.allSatisfy((failure) -> assertThat(failure).isInstanceOf(RedisDbUnavailableException.class)
							.hasMessageStartingWith("Cannot ")
							.hasMessageNotContaining(PASSWORD));
					assertThat(traffic.savesResumedAfterKill()).as("saves resumed after the kill")
						.isLessThanOrEqualTo(RECOVERY_LIMIT);
					assertThat(traffic.lastFailureAfterKill()).as("last failed call after the kill")
						.isLessThanOrEqualTo(RECOVERY_LIMIT);
					assertThat(verification.users()).isEqualTo(32 * 30);
					assertThat(verification.torn()).as("users whose entries carry different tokens: %s",
							verification.tornExamples()).isZero();
				}
			});
	}

	/** Points Boot's own, unused connection at a closed port: nothing here may reach another Redis. */
	private static String unusedBootRedis() {
		return "spring.data.redis.url=redis://127.0.0.1:" + RedisServer.freePort();
	}

}

package dev.redisdb.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import dev.redisdb.RedisDbUnavailableException;
import dev.redisdb.RedisUserStore;
import dev.redisdb.SplitExample;
import dev.redisdb.test.RedisCluster;
import dev.redisdb.test.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The store through a Redis Cluster master failover, on live processes: three masters with one replica each
 * ({@code cluster-node-timeout 2000}, no persistence), the store configured as the README's cluster section shows
 * ({@code spring.data.redis.cluster.nodes}, {@code timeout: 2s}, the split example with {@code hash-tag: true}), 32
 * threads saving, one master SIGKILLed. The last test takes down a master with its replicas, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIntegrationTests {

	private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(10);

	private static RedisCluster cluster;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class));

	@BeforeAll
	static void startCluster() {
		cluster = RedisCluster.start(1, "--cluster-node-timeout", "2000");
	}

	@AfterAll
	static void stopCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	@Order(0)
	void aCallToAMasterThatDoesNotAnswerEndsWithinTheStoresTimeout() {
		this.contextRunner.withPropertyValues(readmeConfiguration())
			.withPropertyValues("jovo.redis.timeout=" + StoreTimeoutIntegrationTests.TIMEOUT.toMillis() + "ms")
			.run((context) -> StoreTimeoutIntegrationTests.callsEndWithinTheTimeout(
					context.getBean(RedisUserStore.class), cluster.masterFor("{paused-user}"), "paused-user", true));
	}

	@Test
	@Order(1)
	void servesEveryUserAgainWithinTenSecondsOfAMasterFailoverWithoutTornSaves() {
		this.contextRunner.withPropertyValues(readmeConfiguration()).run((context) -> {
			RedisUserStore store = context.getBean(RedisUserStore.class);
			String key = "myapp:user:{user-0-0}";
			RedisServer master = cluster.masterFor(key);
			try (FailoverTraffic traffic = FailoverTraffic.start(store, 32, 30)) {
				traffic.awaitSaves(2000, Duration.ofSeconds(20));

				traffic.kill(master::kill);
				long killedAt = System.nanoTime();
				cluster.awaitNewMasterFor(key, master);
				Duration promotedAfter = Duration.ofNanos(System.nanoTime() - killedAt);
				traffic.runUntilQuietFor(Duration.ofSeconds(3), Duration.ofSeconds(30));
				FailoverTraffic.Verification verification = traffic.verify();

				System.out.printf("Cluster failover: replica promoted %d ms after the kill; the last failed call "
						+ "ended %d ms after it; %d calls failed %s; %d saves acknowledged (%d in the %d ms before the "
						+ "kill), the longest pause between them %d ms; %d users read back, %d not, %d torn, %d "
						+ "with an acknowledged save lost%n", promotedAfter.toMillis(),
						traffic.lastFailureAfterKill().toMillis(), traffic.failures().size(),
						traffic.failuresByReason(), traffic.saves(), traffic.savesBeforeKill(),
						traffic.beforeKill().toMillis(), traffic.longestPauseInSaves().toMillis(),
						verification.users(), verification.unreadable(), verification.torn(),
						verification.lostAcknowledged());
				assertThat(traffic.failures()).as("failed calls").isNotEmpty()
					.allSatisfy((failure) -> assertThat(failure).isInstanceOf(RedisDbUnavailableException.class));
				assertThat(traffic.lastFailureAfterKill()).as("last failed call after the kill")
					.isLessThanOrEqualTo(RECOVERY_LIMIT);
				assertThat(verification.users()).isEqualTo(32 * 30);
				assertThat(verification.torn()).as("users whose entries carry different tokens: %s",
						verification.tornExamples()).isZero();
			}
		});
	}

	@Test
	@Order(2)
	void aClusterThatCannotFailOverAnswersClusterdownWhichReachesCallersAsUnavailable() {
		this.contextRunner.withPropertyValues(readmeConfiguration()).run((context) -> {
			RedisUserStore store = context.getBean(RedisUserStore.class);
			RedisServer master = cluster.masters().get(0);
			String userOnAnotherMaster = IntStream.range(0, 100)
				.mapToObj((i) -> "user-" + i)
				.filter((userId) -> cluster.masterFor("myapp:user:{" + userId + "}") != master)
				.findFirst()
				.orElseThrow();
			store.save(store.load(userOnAnotherMaster));

			cluster.replicasOf(master).forEach(RedisServer::kill);
			master.kill();

			await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
				assertThatExceptionOfType(RedisDbUnavailableException.class)
					.isThrownBy(() -> store.load(userOnAnotherMaster))
					.withMessageStartingWith("Cannot load user: Redis is unavailable while it fails over, reshards or loads its data (it "
							+ "answered CLUSTERDOWN The cluster is down)"));
		});
	}

	private static String[] readmeConfiguration() {
		List<String> properties = new ArrayList<>(List.of(
				"spring.data.redis.cluster.nodes=" + String.join(",", cluster.nodes()), "spring.data.redis.timeout=2s",
				"jovo.redis.hash-tag=true"));
		properties.addAll(List.of(SplitExample.PROPERTIES));
		return properties.toArray(String[]::new);
	}

}

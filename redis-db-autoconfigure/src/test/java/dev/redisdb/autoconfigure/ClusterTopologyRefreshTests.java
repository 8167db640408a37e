package dev.redisdb.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions.RefreshTrigger;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topology refresh the starter turns on for the application's Redis Cluster connection, checked on the client
 * options of Boot's connection factory, without a server.
 */
class ClusterTopologyRefreshTests {

	private static final String CLUSTER_NODES = "spring.data.redis.cluster.nodes=127.0.0.1:7000,127.0.0.1:7001";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class));

	@Test
	void clusterConnectionRefreshesAdaptivelyAndPeriodicallyKeepingBootsOtherOptions() {
		this.contextRunner
			.withPropertyValues(CLUSTER_NODES, "spring.data.redis.connect-timeout=3s", "spring.data.redis.timeout=2s")
			.run((context) -> {
				ClusterClientOptions options = clusterOptions(context);
				ClusterTopologyRefreshOptions refresh = options.getTopologyRefreshOptions();
				assertThat(refresh.isPeriodicRefreshEnabled()).isTrue();
				assertThat(refresh.getRefreshPeriod()).isEqualTo(ClusterTopologyRefresh.PERIOD);
				assertThat(refresh.getAdaptiveRefreshTriggers()).containsExactlyInAnyOrder(RefreshTrigger.values());
				assertThat(refresh.getAdaptiveRefreshTimeout()).isEqualTo(ClusterTopologyRefresh.ADAPTIVE_TIMEOUT);
				assertThat(refresh.useDynamicRefreshSources()).isTrue();
				assertThat(options.getSocketOptions().getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(options.getTimeoutOptions().isTimeoutCommands()).isTrue();
				assertThat(context.getBean(LettuceConnectionFactory.class).getClientConfiguration().getCommandTimeout())
					.isEqualTo(Duration.ofSeconds(2));
			});
	}

	@Test
	void backsOffWhenBootsRefreshIsConfiguredEvenToFalse() {
		this.contextRunner
			.withPropertyValues(CLUSTER_NODES, "spring.data.redis.lettuce.cluster.refresh.adaptive=false")
			.run((context) -> {
				ClusterTopologyRefreshOptions refresh = clusterOptions(context).getTopologyRefreshOptions();
				assertThat(refresh.isPeriodicRefreshEnabled()).isFalse();
				assertThat(refresh.getAdaptiveRefreshTriggers()).isEmpty();
			});
	}

	@Test
	void backsOffWhenBootsRefreshPeriodIsConfigured() {
		this.contextRunner
			.withPropertyValues(CLUSTER_NODES, "spring.data.redis.lettuce.cluster.refresh.period=30s")
			.run((context) -> {
				ClusterTopologyRefreshOptions refresh = clusterOptions(context).getTopologyRefreshOptions();
				assertThat(refresh.getRefreshPeriod()).isEqualTo(Duration.ofSeconds(30));
				assertThat(refresh.getAdaptiveRefreshTriggers()).isEmpty();
			});
	}

	@Test
	void backsOffWhenAnotherCustomizerConfiguredRefresh() {
		this.contextRunner.withPropertyValues(CLUSTER_NODES)
			.withUserConfiguration(OwnRefreshConfiguration.class)
			.run((context) -> {
				ClusterTopologyRefreshOptions refresh = clusterOptions(context).getTopologyRefreshOptions();
				assertThat(refresh.getRefreshPeriod()).isEqualTo(Duration.ofMinutes(10));
				assertThat(refresh.getAdaptiveRefreshTriggers()).isEmpty();
			});
	}

	@Test
	void refreshesAClusterFromConnectionDetailsWhoseOptionsBootLeavesPlain() {
		this.contextRunner.withUserConfiguration(ClusterConnectionDetailsConfiguration.class)
			.withPropertyValues("spring.data.redis.connect-timeout=3s")
			.run((context) -> {
				ClusterClientOptions options = clusterOptions(context);
				assertThat(options.getTopologyRefreshOptions().isPeriodicRefreshEnabled()).isTrue();
				assertThat(options.getTopologyRefreshOptions().getAdaptiveRefreshTriggers()).isNotEmpty();
				assertThat(options.getSocketOptions().getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
			});
	}

	@Test
	void leavesAStandaloneConnectionAlone() {
		this.contextRunner.withPropertyValues("spring.data.redis.port=7000")
			.run((context) -> assertThat(clientOptions(context)).isNotInstanceOf(ClusterClientOptions.class));
	}

	@Test
	void leavesTheApplicationsClusterAloneWhenTheStoreHasItsOwnConnection() {
		this.contextRunner
			.withPropertyValues(CLUSTER_NODES, "jovo.redis.connection-string=redis://127.0.0.1:7002")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ClusterTopologyRefresh.class);
				assertThat(clusterOptions(context).getTopologyRefreshOptions().getAdaptiveRefreshTriggers()).isEmpty();
			});
	}

	private static ClientOptions clientOptions(AssertableApplicationContext context) {
		return context.getBean("redisConnectionFactory", LettuceConnectionFactory.class)
			.getClientConfiguration()
			.getClientOptions()
			.orElseThrow();
	}

	private static ClusterClientOptions clusterOptions(AssertableApplicationContext context) {
		assertThat(clientOptions(context)).isInstanceOf(ClusterClientOptions.class);
		return (ClusterClientOptions) clientOptions(context);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRefreshConfiguration {

		@Bean
		LettuceClientConfigurationBuilderCustomizer ownRefresh() {
			return (builder) -> builder.clientOptions(ClusterClientOptions.builder()
				.timeoutOptions(TimeoutOptions.enabled())
				.topologyRefreshOptions(
						ClusterTopologyRefreshOptions.builder().enablePeriodicRefresh(Duration.ofMinutes(10)).build())
				.build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClusterConnectionDetailsConfiguration {

		@Bean
		DataRedisConnectionDetails clusterConnectionDetails() {
			return new DataRedisConnectionDetails() {

				@Override
				public Cluster getCluster() {
					return () -> List.of(new Node("127.0.0.1", 7000), new Node("127.0.0.1", 7001));
				}

			};
		}

	}

}

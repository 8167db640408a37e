package dev.redisdb.autoconfigure;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration.LettuceClientConfigurationBuilder;

/**
 * Turns on Lettuce's cluster topology refresh on the application's Redis Cluster connection, the one the store uses.
 * Spring Boot leaves it off unless {@code spring.data.redis.lettuce.cluster.refresh.*} is set, and a connection that
 * never refreshes keeps sending a failed master's slots to the dead node after a replica took them over. This enables
 * every adaptive trigger (redirects, reconnect attempts, unknown nodes, uncovered slots; one refresh per
 * {@link #ADAPTIVE_TIMEOUT} at most) and a refresh every {@link #PERIOD}, and keeps every other client option Boot
 * set. It changes nothing when Redis is no cluster, when any {@code spring.data.redis.lettuce.cluster.refresh.*}
 * property is set (Boot's refresh then applies as configured, {@code adaptive: false} included), or when an earlier
 * customizer already turned refresh on.
 */
final class ClusterTopologyRefresh implements LettuceClientConfigurationBuilderCustomizer {

	static final Duration PERIOD = Duration.ofSeconds(5);

	static final Duration ADAPTIVE_TIMEOUT = Duration.ofSeconds(1);

	private static final String[] REFRESH_PROPERTIES = { "spring.data.redis.lettuce.cluster.refresh.adaptive",
			"spring.data.redis.lettuce.cluster.refresh.period",
			"spring.data.redis.lettuce.cluster.refresh.dynamic-refresh-sources" };

	private final Environment environment;

	private final ObjectProvider<DataRedisConnectionDetails> connectionDetails;

	ClusterTopologyRefresh(Environment environment, ObjectProvider<DataRedisConnectionDetails> connectionDetails) {
		this.environment = environment;
		this.connectionDetails = connectionDetails;
	}

	@Override
	public void customize(LettuceClientConfigurationBuilder builder) {
		if (!isCluster() || isRefreshConfigured()) {
			return;
		}
		ClientOptions options = builder.build().getClientOptions().orElse(null);
		if (options instanceof ClusterClientOptions cluster && refreshes(cluster.getTopologyRefreshOptions())) {
			return;
		}
		builder.clientOptions(withRefresh(options));
	}

	/** Boot's own precedence: Sentinel before cluster. */
	private boolean isCluster() {
		DataRedisConnectionDetails details = this.connectionDetails.getIfAvailable();
		return details != null && details.getSentinel() == null && details.getCluster() != null;
	}

	private boolean isRefreshConfigured() {
		Binder binder = Binder.get(this.environment);
		for (String property : REFRESH_PROPERTIES) {
			if (binder.bind(property, String.class).isBound()) {
				return true;
			}
		}
		return false;
	}

	private static boolean refreshes(ClusterTopologyRefreshOptions refresh) {
		return refresh.isPeriodicRefreshEnabled() || !refresh.getAdaptiveRefreshTriggers().isEmpty();
	}

	/**
	 * Boot builds plain {@link ClientOptions} when the cluster comes from connection details rather than
	 * {@code spring.data.redis.cluster.*}: they become cluster options here, with everything they carry.
	 */
	private static ClusterClientOptions withRefresh(@Nullable ClientOptions options) {
		ClusterClientOptions.Builder builder;
		ClusterTopologyRefreshOptions current;
		if (options instanceof ClusterClientOptions cluster) {
			builder = cluster.mutate();
			current = cluster.getTopologyRefreshOptions();
		}
		else {
			builder = (options != null) ? ClusterClientOptions.builder(options) : ClusterClientOptions.builder();
			current = ClusterTopologyRefreshOptions.create();
		}
		return builder.topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
			.dynamicRefreshSources(current.useDynamicRefreshSources())
			.closeStaleConnections(current.isCloseStaleConnections())
			.refreshTriggersReconnectAttempts(current.getRefreshTriggersReconnectAttempts())
			.enableAllAdaptiveRefreshTriggers()
			.adaptiveRefreshTriggersTimeout(ADAPTIVE_TIMEOUT)
			.enablePeriodicRefresh(PERIOD)
			.build()).build();
	}

}

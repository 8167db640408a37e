package dev.redisdb.autoconfigure;

import java.util.List;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.resource.ClientResources;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStaticMasterReplicaConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration.LettuceClientConfigurationBuilder;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration.LettuceSslClientConfigurationBuilder;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The store's connection to the application's Redis: a second Lettuce connection factory with the server and client
 * configuration of the one Spring Boot built from {@code spring.data.redis.*} (the server, Sentinel, cluster or static
 * master/replica nodes, credentials, database, TLS, client name, read-from, client options such as cluster topology
 * refresh, timeouts), and two settings of the store's own connection: its {@link ClientResources} (which flush the
 * commands of concurrent callers together) and no per-command timeout timer in Lettuce, since the store bounds every
 * wait itself. The application's factory and its connections stay exactly as configured.
 */
final class DerivedConnectionFactory {

	private DerivedConnectionFactory() {
	}

	/**
	 * @param application the factory Spring Boot built, started or not
	 * @param masterReplica the static master/replica nodes it connects to, if any: a factory does not expose them
	 * @param clientResources the store's Lettuce resources, shut down by their owner
	 * @return the store's factory, not yet started
	 */
	static LettuceConnectionFactory from(LettuceConnectionFactory application,
			@Nullable RedisStaticMasterReplicaConfiguration masterReplica, ClientResources clientResources) {
		return new LettuceConnectionFactory(serverConfiguration(application, masterReplica),
				clientConfiguration(application.getClientConfiguration(), clientResources));
	}

	/**
	 * The static master/replica nodes as Spring Boot reads them from its connection details: the first node, then
	 * the others, with the details' user name and password.
	 * @param connectionDetails Boot's connection details, if any
	 * @return the nodes, or {@code null} when the details name none
	 */
	static @Nullable RedisStaticMasterReplicaConfiguration masterReplica(
			@Nullable DataRedisConnectionDetails connectionDetails) {
		DataRedisConnectionDetails.MasterReplica masterReplica = (connectionDetails != null)
				? connectionDetails.getMasterReplica() : null;
		if (masterReplica == null || masterReplica.getNodes().isEmpty()) {
			return null;
		}
		List<DataRedisConnectionDetails.Node> nodes = masterReplica.getNodes();
		RedisStaticMasterReplicaConfiguration configuration = new RedisStaticMasterReplicaConfiguration(
				nodes.get(0).host(), nodes.get(0).port());
		nodes.stream().skip(1).forEach((node) -> configuration.addNode(node.host(), node.port()));
		configuration.setUsername(connectionDetails.getUsername());
		if (connectionDetails.getPassword() != null) {
			configuration.setPassword(RedisPassword.of(connectionDetails.getPassword()));
		}
		return configuration;
	}

	private static RedisConfiguration serverConfiguration(LettuceConnectionFactory application,
			@Nullable RedisStaticMasterReplicaConfiguration masterReplica) {
		if (application.getSentinelConfiguration() != null) {
			return application.getSentinelConfiguration();
		}
		if (application.getClusterConfiguration() != null) {
			return application.getClusterConfiguration();
		}
		if (application.getSocketConfiguration() != null) {
			return application.getSocketConfiguration();
		}
		return (masterReplica != null) ? masterReplica : application.getStandaloneConfiguration();
	}

	private static LettuceClientConfiguration clientConfiguration(LettuceClientConfiguration application,
			ClientResources clientResources) {
		LettuceClientConfigurationBuilder builder = LettuceClientConfiguration.builder();
		if (application.isUseSsl()) {
			LettuceSslClientConfigurationBuilder ssl = builder.useSsl().verifyPeer(application.getVerifyMode());
			if (application.isStartTls()) {
				ssl.startTls();
			}
			builder = ssl.and();
		}
		application.getClientName().ifPresent(builder::clientName);
		application.getReadFrom().ifPresent(builder::readFrom);
		application.getRedisCredentialsProviderFactory().ifPresent(builder::redisCredentialsProviderFactory);
		return builder.clientOptions(withoutCommandTimer(application.getClientOptions().orElse(null)))
			.clientResources(clientResources)
			.commandTimeout(application.getCommandTimeout())
			.shutdownTimeout(application.getShutdownTimeout())
			.shutdownQuietPeriod(application.getShutdownQuietPeriod())
			.build();
	}

	private static ClientOptions withoutCommandTimer(@Nullable ClientOptions options) {
		TimeoutOptions noTimer = TimeoutOptions.builder().timeoutCommands(false).build();
		if (options instanceof ClusterClientOptions cluster) {
			return cluster.mutate().timeoutOptions(noTimer).build();
		}
		return ((options != null) ? options.mutate() : ClientOptions.builder()).timeoutOptions(noTimer).build();
	}

}

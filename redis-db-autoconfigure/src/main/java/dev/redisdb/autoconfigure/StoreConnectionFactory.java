package dev.redisdb.autoconfigure;

import java.util.stream.Stream;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisNode;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration.LettuceClientConfigurationBuilder;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.Assert;

/**
 * Builds the store's Lettuce connection factory from {@link RedisDbConnectionDetails} (a connection string, or
 * {@code @ServiceConnection}), as Spring Boot builds the application's from {@code spring.data.redis.*}: the server
 * or the sentinels, ACL user and password, database number, TLS with the details' SSL bundle (peer and host name
 * verified), Boot's Lettuce customizers and client resources, with the store's timeout as its command timeout.
 * While the connection is down, commands fail at once instead of waiting in a queue until they time out: nothing but
 * the store uses this connection, and a voice platform prefers a quick answer that something is wrong.
 */
final class StoreConnectionFactory {

	private StoreConnectionFactory() {
	}

	/**
	 * @param connectionDetails where to connect
	 * @param properties the timeouts
	 * @param clientResources the application's Lettuce resources; shut down by their owner
	 * @param optionsCustomizers the application's client options customizers, applied after the store's settings
	 * @param configurationCustomizers the application's client configuration customizers, applied last
	 * @return the factory, not yet started
	 */
	static LettuceConnectionFactory create(RedisDbConnectionDetails connectionDetails, RedisDbProperties properties,
			ClientResources clientResources, Stream<LettuceClientOptionsBuilderCustomizer> optionsCustomizers,
			Stream<LettuceClientConfigurationBuilderCustomizer> configurationCustomizers) {
		ClientOptions.Builder clientOptions = ClientOptions.builder()
			.socketOptions(SocketOptions.builder().connectTimeout(properties.connectTimeout()).build())
			.timeoutOptions(TimeoutOptions.enabled())
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
		LettuceClientConfigurationBuilder clientConfiguration = LettuceClientConfiguration.builder();
		if (connectionDetails instanceof PropertiesRedisDbConnectionDetails fromConnectionString) {
			// Options of the URI that connection details do not carry, such as ?verifyPeer=CA.
			clientConfiguration.apply(fromConnectionString.uri());
		}
		SslBundle sslBundle = connectionDetails.getSslBundle();
		if (sslBundle != null) {
			clientConfiguration.useSsl();
			clientOptions.sslOptions(sslOptions(sslBundle));
		}
		optionsCustomizers.forEach((customizer) -> customizer.customize(clientOptions));
		clientConfiguration.commandTimeout(properties.timeout())
			.clientOptions(clientOptions.build())
			.clientResources(clientResources)
			.clientName("redis-db");
		configurationCustomizers.forEach((customizer) -> customizer.customize(clientConfiguration));
		return new LettuceConnectionFactory(redisConfiguration(connectionDetails), clientConfiguration.build());
	}

	private static RedisConfiguration redisConfiguration(RedisDbConnectionDetails connectionDetails) {
		RedisDbConnectionDetails.Sentinel sentinel = connectionDetails.getSentinel();
		if (sentinel != null) {
			RedisSentinelConfiguration configuration = new RedisSentinelConfiguration();
			configuration.setMaster(sentinel.getMaster());
			sentinel.getNodes().forEach((node) -> configuration.addSentinel(new RedisNode(node.host(), node.port())));
			configuration.setDatabase(sentinel.getDatabase());
			configuration.setUsername(connectionDetails.getUsername());
			configuration.setPassword(password(connectionDetails.getPassword()));
			configuration.setSentinelUsername(sentinel.getUsername());
			configuration.setSentinelPassword(password(sentinel.getPassword()));
			return configuration;
		}
		RedisDbConnectionDetails.Standalone standalone = connectionDetails.getStandalone();
		Assert.state(standalone != null, () -> connectionDetails.getClass().getName()
				+ " names neither a standalone server nor sentinels");
		RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(standalone.getHost(),
				standalone.getPort());
		configuration.setDatabase(standalone.getDatabase());
		configuration.setUsername(connectionDetails.getUsername());
		configuration.setPassword(password(connectionDetails.getPassword()));
		return configuration;
	}

	private static RedisPassword password(@Nullable String password) {
		return (password != null) ? RedisPassword.of(password) : RedisPassword.none();
	}

	// As Spring Boot's LettuceConnectionConfiguration applies spring.data.redis.ssl.bundle; host name verification
	// stays as the URI says (on unless verifyPeer=false or NONE).
	private static SslOptions sslOptions(SslBundle sslBundle) {
		SslOptions.Builder builder = SslOptions.builder()
			.keyManager(sslBundle.getManagers().getKeyManagerFactory())
			.trustManager(sslBundle.getManagers().getTrustManagerFactory());
		if (sslBundle.getOptions().getCiphers() != null) {
			builder.cipherSuites(sslBundle.getOptions().getCiphers());
		}
		if (sslBundle.getOptions().getEnabledProtocols() != null) {
			builder.protocols(sslBundle.getOptions().getEnabledProtocols());
		}
		return builder.build();
	}

}

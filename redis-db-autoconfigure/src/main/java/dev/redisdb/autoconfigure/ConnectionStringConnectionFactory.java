package dev.redisdb.autoconfigure;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Builds the store's own Lettuce connection factory from {@code jovo.redis.connection-string}: TLS for
 * {@code rediss://} with peer and host name verification (trusting {@code jovo.redis.ssl-bundle} or the JVM's trust
 * store), ACL user and password, database number, Sentinel for {@code redis-sentinel://}, and the store's timeouts.
 * While the connection is down, commands fail at once instead of queueing until they time out: a voice platform
 * prefers a quick answer that something is wrong. Lettuce's per-command timeout timer stays off: the store awaits
 * every command within the command timeout itself, and the timer cost a measurable share of CPU per command.
 */
final class ConnectionStringConnectionFactory {

	private ConnectionStringConnectionFactory() {
	}

	/**
	 * @param properties the configuration, with a connection string
	 * @param sslBundles the application's SSL bundles, where it has them
	 * @param clientResources the Lettuce resources (event loops, Netty customizer) to use; shut down by their owner
	 * @return the factory, not yet started
	 */
	static LettuceConnectionFactory create(RedisDbProperties properties, @Nullable SslBundles sslBundles,
			ClientResources clientResources) {
		RedisURI uri = ConnectionStrings.parse(properties.connectionString());
		SslBundle sslBundle = SslBundleLookup.find(properties.sslBundle(), properties.connectionString(), sslBundles);
		uri.setTimeout(properties.commandTimeout());
		ClientOptions.Builder clientOptions = ClientOptions.builder()
			.socketOptions(SocketOptions.builder().connectTimeout(properties.connectTimeout()).build())
			// No per-command timer: the store bounds each wait itself, and sync calls use the command timeout.
			.timeoutOptions(TimeoutOptions.builder().timeoutCommands(false).build())
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
		if (sslBundle != null) {
			clientOptions.sslOptions(sslOptions(sslBundle));
		}
		LettuceClientConfiguration clientConfiguration = LettuceClientConfiguration.builder()
			.apply(uri)
			.commandTimeout(properties.commandTimeout())
			.clientOptions(clientOptions.build())
			.clientResources(clientResources)
			.clientName("redis-db")
			.build();
		return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(uri),
				clientConfiguration);
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

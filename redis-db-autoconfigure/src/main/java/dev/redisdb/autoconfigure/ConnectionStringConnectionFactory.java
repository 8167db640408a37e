package dev.redisdb.autoconfigure;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Builds the store's own Lettuce connection factory from {@code jovo.redis.connection-string}: TLS for
 * {@code rediss://} with peer and host name verification (trusting {@code jovo.redis.ssl-bundle} or the JVM's
 * trust store), ACL user and password, database number, Sentinel for {@code redis-sentinel://}.
 */
final class ConnectionStringConnectionFactory {

	private ConnectionStringConnectionFactory() {
	}

	/**
	 * @param connectionString the configured URI
	 * @param sslBundle trust material (and client key) for {@code rediss://}; null for the JVM's default trust store
	 * @return the factory, not yet started
	 */
	static LettuceConnectionFactory create(String connectionString, SslBundle sslBundle) {
		RedisURI uri = RedisURI.create(connectionString);
		LettuceClientConfiguration.LettuceClientConfigurationBuilder builder = LettuceClientConfiguration.builder()
			.apply(uri)
			.clientName("redis-db");
		if (sslBundle != null) {
			builder.clientOptions(ClientOptions.builder()
				.timeoutOptions(TimeoutOptions.enabled())
				.sslOptions(sslOptions(sslBundle))
				.build());
		}
		return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(uri), builder.build());
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

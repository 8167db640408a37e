package dev.redisdb.autoconfigure;

import io.lettuce.core.RedisURI;

import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Builds the store's own Lettuce connection factory from {@code jovo.redis.connection-string}: TLS for
 * {@code rediss://} with peer verification, ACL user and password, database number.
 */
final class ConnectionStringConnectionFactory {

	private ConnectionStringConnectionFactory() {
	}

	static LettuceConnectionFactory create(String connectionString) {
		RedisURI uri = RedisURI.create(connectionString);
		LettuceClientConfiguration clientConfiguration = LettuceClientConfiguration.builder()
			.apply(uri)
			.clientName("redis-db")
			.build();
		return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(uri),
				clientConfiguration);
	}

}

package dev.redisdb.autoconfigure;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;

import dev.redisdb.RedisDbProperties;

import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Builds the store's own Lettuce connection factory from {@code jovo.redis.connection-string}: TLS for
 * {@code rediss://} with peer verification, ACL user and password, database number, and the store's timeouts.
 * While the connection is down, commands fail at once instead of queueing until they time out: a voice platform
 * prefers a quick answer that something is wrong.
 */
final class ConnectionStringConnectionFactory {

	private ConnectionStringConnectionFactory() {
	}

	static LettuceConnectionFactory create(RedisDbProperties properties) {
		RedisURI uri = RedisURI.create(properties.connectionString());
		uri.setTimeout(properties.commandTimeout());
		ClientOptions clientOptions = ClientOptions.builder()
			.socketOptions(SocketOptions.builder().connectTimeout(properties.connectTimeout()).build())
			.timeoutOptions(TimeoutOptions.enabled(properties.commandTimeout()))
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.build();
		LettuceClientConfiguration clientConfiguration = LettuceClientConfiguration.builder()
			.apply(uri)
			.commandTimeout(properties.commandTimeout())
			.clientOptions(clientOptions)
			.clientName("redis-db")
			.build();
		return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(uri),
				clientConfiguration);
	}

}

package dev.redisdb.sample;

import java.time.Duration;
import java.util.function.Function;

import dev.redisdb.test.RedisServerExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Alexa conversation on a {@code redis-server} process, the store on its own connection from
 * {@code jovo.redis.connection-string}.
 */
class AlexaConversationIntegrationTests extends AbstractAlexaConversationIntegrationTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	@DynamicPropertySource
	static void redisServer(DynamicPropertyRegistry registry) {
		registry.add("jovo.redis.connection-string", () -> redis.server().uri());
		// Boot's own connection points nowhere: the store must use the connection string, and nothing may reach
		// another Redis (such as one on 6379).
		registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:1");
	}

	@Override
	<T> T redis(Function<RedisCommands<String, String>, T> command) {
		return redis.server().call(command);
	}

	@Override
	<T> T redisBytes(Function<RedisCommands<byte[], byte[]>, T> command) {
		RedisClient client = RedisClient.create(redis.server().uri());
		try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
			return command.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

}

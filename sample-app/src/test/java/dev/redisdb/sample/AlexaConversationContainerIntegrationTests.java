package dev.redisdb.sample;

import java.time.Duration;
import java.util.function.Function;

import com.redis.testcontainers.RedisContainer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * The Alexa conversation on a Redis container that {@code @ServiceConnection} wires to the application and to the
 * store; no Redis property is set, so the sample's embedded {@code redis-server} stays off.
 */
@Testcontainers(disabledWithoutDocker = true)
class AlexaConversationContainerIntegrationTests extends AbstractAlexaConversationIntegrationTests {

	@Container
	@ServiceConnection
	static final RedisContainer redis = new RedisContainer(TestRedisImage.get());

	@Override
	<T> T redis(Function<RedisCommands<String, String>, T> command) {
		RedisClient client = RedisClient.create(RedisURI.create(redis.getRedisHost(), redis.getRedisPort()));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return command.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	@Override
	<T> T redisBytes(Function<RedisCommands<byte[], byte[]>, T> command) {
		RedisClient client = RedisClient.create(RedisURI.create(redis.getRedisHost(), redis.getRedisPort()));
		try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
			return command.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

}

package dev.redisdb.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.redisdb.KeyStrategy;
import dev.redisdb.RedisUserStore;
import dev.redisdb.StoreOptions;
import dev.redisdb.StoredUser;
import dev.redisdb.ValueCodec;
import dev.redisdb.ValueTransform;
import dev.redisdb.test.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.unit.DataSize;

/**
 * Redis memory per user with and without {@code jovo.redis.compression} (gzip from 1 KB on): saves the benchmark's
 * users through the store, default configuration, on a redis-server of its own, and averages {@code MEMORY USAGE}
 * of their keys. Run: {@code java -cp benchmarks/target/benchmarks.jar dev.redisdb.benchmarks.CompressionMemoryMain}.
 */
public final class CompressionMemoryMain {

	private static final int USERS = 2_000;

	private static final List<Integer> SIZES = List.of(1024, 16 * 1024);

	private CompressionMemoryMain() {
	}

	public static void main(String[] args) {
		JsonMapper mapper = JsonMapper.builder().build();
		try (RedisServer server = RedisServer.start()) {
			LettuceConnectionFactory factory = new LettuceConnectionFactory(
					new RedisStandaloneConfiguration(server.host(), server.port()),
					LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
			factory.afterPropertiesSet();
			factory.start();
			RedisClient client = RedisClient.create(RedisURI.create(server.host(), server.port()));
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				RedisCommands<String, String> redis = connection.sync();
				System.out.println("| User data | Value, plain JSON | MEMORY USAGE, plain | Value, compressed "
						+ "| MEMORY USAGE, compressed | Saved |");
				System.out.println("|---|--:|--:|--:|--:|--:|");
				for (int size : SIZES) {
					Dataset dataset = new Dataset(USERS, size);
					long[] plain = measure(factory, ValueCodec.json(), dataset, mapper, redis);
					long[] compressed = measure(factory,
							ValueCodec.json().andThen(ValueTransform.compression(DataSize.ofKilobytes(1))), dataset,
							mapper, redis);
					System.out.printf("| %d KB | %,d B | %,d B | %,d B | %,d B | %.0f %% |%n", size / 1024, plain[0],
							plain[1], compressed[0], compressed[1], 100.0 * (plain[1] - compressed[1]) / plain[1]);
				}
			}
			finally {
				client.shutdown();
				factory.destroy();
			}
		}
	}

	/** @return average value length and average {@code MEMORY USAGE} per user, in bytes */
	private static long[] measure(LettuceConnectionFactory factory, ValueCodec codec, Dataset dataset,
			JsonMapper mapper, RedisCommands<String, String> redis) {
		redis.flushall();
		RedisUserStore store = new RedisUserStore(RedisUserStore.template(factory), StoreOptions.defaults(),
				KeyStrategy.jovo(), codec);
		{
			for (int i = 0; i < USERS; i++) {
				StoredUser user = store.load("user-" + i);
				user.data().putAll(mapper.readValue(dataset.userData(i), new TypeReference<Map<String, Object>>() {
				}));
				store.save(user);
			}
		}
		long length = 0;
		long memory = 0;
		for (int i = 0; i < USERS; i++) {
			String key = "data:user-" + i;
			length += redis.strlen(key);
			memory += redis.memoryUsage(key);
		}
		return new long[] { length / USERS, memory / USERS };
	}

}

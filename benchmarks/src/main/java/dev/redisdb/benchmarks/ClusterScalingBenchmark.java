package dev.redisdb.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.redisdb.test.RedisCluster;
import dev.redisdb.test.RedisServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the store's throughput changes with Redis Cluster: 64 users' turns (Jovo's default configuration,
 * {@code hash-tag: true}, 1 KB of user data, {@value #USERS} users) against one {@code redis-server}, and against a
 * cluster of three masters without replicas, each on the same machine. The fork starts its own servers on free
 * loopback ports, seeds the users through the store, and stops the servers by PID when done. The store reaches both
 * through the application's connection ({@code spring.data.redis.host}/{@code port} or
 * {@code spring.data.redis.cluster.nodes}).
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class ClusterScalingBenchmark {

	static final int USERS = 10_000;

	private static final int USER_DATA_BYTES = 1024;

	/** {@code server}: one redis-server; {@code cluster}: three masters. */
	@Param({ "server", "cluster" })
	public String topology;

	private AutoCloseable redis;

	private StoreTurn turn;

	private String[] userIds;

	@Setup(Level.Trial)
	public void setUp() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("jovo.redis.hash-tag", "true");
		properties.put("spring.data.redis.timeout", "5s");
		if (this.topology.equals("cluster")) {
			RedisCluster cluster = RedisCluster.start();
			this.redis = cluster;
			properties.put("spring.data.redis.cluster.nodes", String.join(",", cluster.nodes()));
		}
		else {
			RedisServer server = RedisServer.start();
			this.redis = server;
			properties.put("spring.data.redis.host", server.host());
			properties.put("spring.data.redis.port", String.valueOf(server.port()));
		}
		this.turn = new StoreTurn(properties, StoreConfig.DEFAULT, false);
		this.userIds = Dataset.userIds(USERS);
		Dataset dataset = new Dataset(USERS, USER_DATA_BYTES);
		JsonMapper mapper = JsonMapper.builder().build();
		IntStream.range(0, USERS).parallel().forEach((i) -> this.turn.seed(this.userIds[i],
				mapper.readValue(dataset.userData(i), new TypeReference<Map<String, Object>>() { })));
	}

	@TearDown(Level.Trial)
	public void tearDown() throws Exception {
		this.turn.close();
		this.redis.close();
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	@Threads(64)
	public int users64() {
		return this.turn.runForRandomUser(this.userIds);
	}

}

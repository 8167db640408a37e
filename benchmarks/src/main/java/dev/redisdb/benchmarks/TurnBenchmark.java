package dev.redisdb.benchmarks;

import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Turns of users picked at random from {@value Dataset#USERS} pre-populated ones, against the redis-server whose port
 * is in the system property {@value #PORT_PROPERTY}. {@link BenchmarkMain} starts that server and populates it
 * before the forks of each configuration and size; the variants then take turns on the same users. {@link #oneUser} gives the latency distribution of one user's turns (and,
 * as one over the mean, the throughput of one user); {@link #users8} and {@link #users64} give the throughput of 8
 * and 64 concurrent users sharing one connection.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class TurnBenchmark extends VariantParameters {

	static final String PORT_PROPERTY = "redisdb.bench.port";

	/** Where the benchmark's {@code RedisServer} listens, in the forked benchmark JVMs too. */
	static final String HOST = "127.0.0.1";

	private String[] userIds;

	private Turn turn;

	@Setup(Level.Trial)
	public void setUp() {
		StoreConfig storeConfig = StoreConfig.of(this.config);
		int port = populatedServerPort(storeConfig, this.userDataBytes);
		this.userIds = Dataset.userIds(Dataset.USERS);
		this.turn = Turn.of(this.variant, port, storeConfig);
		int visits = this.turn.run(this.userIds[0], Turn.INTENTS[0]);
		if (visits <= Dataset.INITIAL_VISITS) {
			throw new IllegalStateException(this.variant + " read no pre-populated data: visits " + visits
					+ " after a turn, expected more than " + Dataset.INITIAL_VISITS);
		}
	}

	/**
	 * @param config the configuration the server must hold
	 * @param userDataBytes the user-data size it must hold
	 * @return the port of the redis-server that {@link BenchmarkMain} started and populated for them
	 * @throws IllegalStateException when the benchmark runs without {@link BenchmarkMain} or the server holds other
	 * data
	 */
	static int populatedServerPort(StoreConfig config, int userDataBytes) {
		Integer port = Integer.getInteger(PORT_PROPERTY);
		if (port == null) {
			throw new IllegalStateException("No redis-server port in system property " + PORT_PROPERTY
					+ ": run the benchmarks with java -jar benchmarks/target/benchmarks.jar, which starts one");
		}
		String expected = Dataset.describe(Dataset.USERS, config, userDataBytes);
		RedisClient client = RedisClient.create(RedisURI.create(HOST, port));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			String populated = connection.sync().get(Dataset.MARKER_KEY);
			if (!expected.equals(populated)) {
				throw new IllegalStateException("The server holds " + populated + ", not " + expected
						+ ": BenchmarkMain populates it before each configuration and size");
			}
		}
		finally {
			client.shutdown();
		}
		return port;
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.turn.close();
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	@Threads(1)
	public int oneUser() {
		return turnOfRandomUser();
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	@Threads(8)
	public int users8() {
		return turnOfRandomUser();
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	@Threads(64)
	public int users64() {
		return turnOfRandomUser();
	}

	private int turnOfRandomUser() {
		return this.turn.runForRandomUser(this.userIds);
	}

}

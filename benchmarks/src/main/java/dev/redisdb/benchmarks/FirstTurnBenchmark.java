package dev.redisdb.benchmarks;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
 * One user's first turns, as {@link TurnBenchmark#oneUser} measures returning users' turns: {@link #newUser} for a
 * user id the server has never seen, {@link #newSession} (split configuration, which stores sessions) for a
 * pre-populated user whose session entry is gone, deleted before the turn outside the measured time. Both are a load
 * that finds nothing (or no session) and a save that creates the entries: the same two round trips as any turn.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class FirstTurnBenchmark extends VariantParameters {

	private StoreConfig storeConfig;

	private String[] userIds;

	private Turn turn;

	private RedisClient client;

	private StatefulRedisConnection<String, String> connection;

	@Setup(Level.Trial)
	public void setUp() {
		this.storeConfig = StoreConfig.of(this.config);
		int port = TurnBenchmark.populatedServerPort(this.storeConfig, this.userDataBytes);
		this.userIds = Dataset.userIds(Dataset.USERS);
		this.turn = Turn.of(this.variant, port, this.storeConfig);
		this.client = RedisClient.create(RedisURI.create(TurnBenchmark.HOST, port));
		this.connection = this.client.connect();
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.turn.close();
		this.connection.close();
		this.client.shutdown();
	}

	@Benchmark
	public int newUser(NewUser user) {
		return this.turn.run(user.id, "LaunchRequest");
	}

	@Benchmark
	public int newSession(NewSession user) {
		return this.turn.run(user.id, "LaunchRequest");
	}

	/** A user id never used before. */
	@State(Scope.Thread)
	public static class NewUser {

		String id;

		@Setup(Level.Invocation)
		public void pick() {
			this.id = "new-" + UUID.randomUUID();
		}

	}

	/** A pre-populated user whose session entry has just been deleted. */
	@State(Scope.Thread)
	public static class NewSession {

		String id;

		@Setup(Level.Invocation)
		public void pick(FirstTurnBenchmark benchmark) {
			if (!benchmark.storeConfig.hasSessionAndHistory()) {
				throw new IllegalStateException("The " + benchmark.config + " configuration stores no session: "
						+ "run newSession with config=split");
			}
			this.id = benchmark.userIds[ThreadLocalRandom.current().nextInt(benchmark.userIds.length)];
			benchmark.connection.sync().del(benchmark.storeConfig.keysOf(this.id)[1]);
		}

	}

}

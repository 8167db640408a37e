package dev.redisdb.benchmarks;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The parameters every benchmark on {@link BenchmarkMain}'s populated server shares: which variant takes the turns,
 * in which configuration, with how much user data.
 */
@State(Scope.Benchmark)
public abstract class VariantParameters {

	/**
	 * {@code store}: through {@code RedisUserStore} on its own connection; {@code store-app-connection}: on the
	 * application's Redis ({@code spring.data.redis.*}); {@code store-metrics}: on its own connection with a
	 * Prometheus registry; {@code baseline}: Lettuce and Jackson by hand.
	 */
	@Param({ "store", "store-app-connection", "store-metrics", "baseline" })
	public String variant;

	/** {@code default}: one entry without TTL; {@code split}: user, session and history entries, with TTLs. */
	@Param({ "default", "split" })
	public String config;

	/** Approximate size of each (pre-populated) user's data as JSON. */
	@Param({ "1024", "16384" })
	public int userDataBytes;

}

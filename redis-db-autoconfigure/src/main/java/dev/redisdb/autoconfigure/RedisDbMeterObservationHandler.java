package dev.redisdb.autoconfigure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.redisdb.RedisDbObservationContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The store's meters beyond the timers Micrometer makes of every observation: {@code redisdb.update.attempts} (how
 * often an update loaded and tried to save), {@code redisdb.update.conflicts} (updates that gave up), and
 * {@code redisdb.value.size} (encoded bytes per entry, tag {@code entry}).
 */
final class RedisDbMeterObservationHandler implements ObservationHandler<RedisDbObservationContext> {

	private final ObjectProvider<MeterRegistry> meterRegistry;

	// Resolved on the first call, once the context is up, then kept: a lookup per call costs more than the call's meters.
	private volatile @Nullable Meters meters;

	RedisDbMeterObservationHandler(ObjectProvider<MeterRegistry> meterRegistry) {
		this.meterRegistry = meterRegistry;
	}

	@Override
	public void onStop(RedisDbObservationContext context) {
		Meters meters = meters();
		if (meters == null) {
			return;
		}
		if (context.attempts() > 0) {
			meters.attempts.record(context.attempts());
		}
		if ("conflict".equals(context.outcome())) {
			meters.conflicts.increment();
		}
		context.valueSizes().forEach((entry, bytes) -> meters.valueSize(entry).record(bytes));
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof RedisDbObservationContext;
	}

	private @Nullable Meters meters() {
		Meters meters = this.meters;
		if (meters == null) {
			MeterRegistry registry = this.meterRegistry.getIfAvailable();
			if (registry == null) {
				return null;
			}
			meters = new Meters(registry);
			this.meters = meters;
		}
		return meters;
	}

	private static final class Meters {

		private final MeterRegistry registry;

		private final DistributionSummary attempts;

		private final Counter conflicts;

		private final Map<String, DistributionSummary> valueSizes = new ConcurrentHashMap<>();

		Meters(MeterRegistry registry) {
			this.registry = registry;
			this.attempts = DistributionSummary.builder("redisdb.update.attempts")
				.description("Attempts of a conflict-safe update: loads and tries to save")
				.baseUnit("attempts")
				.register(registry);
			this.conflicts = Counter.builder("redisdb.update.conflicts")
				.description("Conflict-safe updates that gave up after every attempt met a concurrent change")
				.register(registry);
		}

		DistributionSummary valueSize(String entry) {
			return this.valueSizes.computeIfAbsent(entry, (id) -> DistributionSummary.builder("redisdb.value.size")
				.description("Encoded size of an entry's value as saved")
				.baseUnit("bytes")
				.tag("entry", id)
				.register(this.registry));
		}

	}

}

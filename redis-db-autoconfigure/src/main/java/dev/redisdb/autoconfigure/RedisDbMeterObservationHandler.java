package dev.redisdb.autoconfigure;

import dev.redisdb.RedisDbObservationContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The store's meters beyond the timers Micrometer makes of every observation: {@code redisdb.update.attempts} (how
 * often an update loaded and tried to save), {@code redisdb.update.conflicts} (updates that gave up), and
 * {@code redisdb.value.size} (encoded bytes per entry, tag {@code entry}).
 */
final class RedisDbMeterObservationHandler implements ObservationHandler<RedisDbObservationContext> {

	private final ObjectProvider<MeterRegistry> meterRegistry;

	RedisDbMeterObservationHandler(ObjectProvider<MeterRegistry> meterRegistry) {
		this.meterRegistry = meterRegistry;
	}

	@Override
	public void onStop(RedisDbObservationContext context) {
		MeterRegistry registry = this.meterRegistry.getIfAvailable();
		if (registry == null) {
			return;
		}
		if (context.attempts() > 0) {
			DistributionSummary.builder("redisdb.update.attempts")
				.description("Attempts of a conflict-safe update: loads and tries to save")
				.baseUnit("attempts")
				.register(registry)
				.record(context.attempts());
		}
		if ("conflict".equals(context.outcome())) {
			Counter.builder("redisdb.update.conflicts")
				.description("Conflict-safe updates that gave up after every attempt met a concurrent change")
				.register(registry)
				.increment();
		}
		context.valueSizes()
			.forEach((entry, bytes) -> DistributionSummary.builder("redisdb.value.size")
				.description("Encoded size of an entry's value as saved")
				.baseUnit("bytes")
				.tag("entry", entry)
				.register(registry)
				.record(bytes));
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof RedisDbObservationContext;
	}

}

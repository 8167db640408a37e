package dev.redisdb;

import java.util.function.Function;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.PermissionDeniedDataAccessException;

/**
 * Wraps each call of the store in a Micrometer observation, or runs it bare when the registry is a no-op.
 */
final class StoreObservations {

	private final ObservationRegistry registry;

	private final int entries;

	private final KeyValue entriesKeyValue;

	StoreObservations(ObservationRegistry registry, int entries) {
		this.registry = registry;
		this.entries = entries;
		this.entriesKeyValue = KeyValue.of("entries", Integer.toString(entries));
	}

	<T> T observe(String operation, Function<@Nullable RedisDbObservationContext, T> call) {
		if (this.registry.isNoop()) {
			return call.apply(null);
		}
		RedisDbObservationContext context = new RedisDbObservationContext(operation, this.entries);
		Observation observation = Observation.createNotStarted("redisdb." + operation, () -> context, this.registry)
			.contextualName("redisdb " + operation)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			return call.apply(context);
		}
		catch (RuntimeException ex) {
			context.outcome(outcomeOf(ex));
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.lowCardinalityKeyValue(KeyValue.of("outcome", context.outcome()))
				.lowCardinalityKeyValue(this.entriesKeyValue);
			observation.stop();
		}
	}

	private static String outcomeOf(RuntimeException ex) {
		if (ex instanceof RedisDbUnavailableException) {
			return "unavailable";
		}
		if (ex instanceof RedisDbDataException) {
			return "data-error";
		}
		if (ex instanceof RedisDbConflictException) {
			return "conflict";
		}
		if (ex instanceof IllegalArgumentException || ex instanceof PermissionDeniedDataAccessException) {
			return "invalid-argument";
		}
		return "error";
	}

}

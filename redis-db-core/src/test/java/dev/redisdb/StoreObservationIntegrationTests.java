package dev.redisdb;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Every call of the store is an observation with its outcome, timed by Micrometer, without user ids or keys.
 */
class StoreObservationIntegrationTests {

	@RegisterExtension
	static final StoreExtension redis = new StoreExtension();

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final List<RedisDbObservationContext> observed = new CopyOnWriteArrayList<>();

	private RedisUserStore store;

	@BeforeEach
	void observe() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.meters));
		registry.observationConfig().observationHandler(new ObservationHandler<RedisDbObservationContext>() {

			@Override
			public void onStop(RedisDbObservationContext context) {
				StoreObservationIntegrationTests.this.observed.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof RedisDbObservationContext;
			}

		});
		this.store = redis.store(SplitExample.options(), KeyStrategy.jovo(), ValueCodec.json(), registry);
	}

	@Test
	void eachCallIsTimedWithItsOutcomeAndTheNumberOfEntries() {
		StoredUser user = this.store.load("U1");
		user.data().put("visits", 1);
		this.store.save(user);
		this.store.update("U1", TurnContext.none(), (changed) -> changed.data().put("visits", 2));
		this.store.delete("U1");
		for (String operation : List.of("load", "save", "update", "delete")) {
			assertThat(this.meters.get("redisdb." + operation).tags("outcome", "success", "entries", "3").timer().count())
				.as(operation)
				.isEqualTo(1);
		}
		assertThat(this.observed).extracting(RedisDbObservationContext::operation)
			.containsExactly("load", "save", "update", "delete");
		assertThat(this.observed.get(1).valueSizes()).containsOnlyKeys("user", "session", "history");
		assertThat(this.observed.get(2).attempts()).isEqualTo(1);
	}

	@Test
	void outcomesNameWhatWentWrong() {
		assertThatException().isThrownBy(() -> this.store.load(""));
		redis.server().call((commands) -> commands.set("myapp:user:bad", "not json"));
		assertThatException().isThrownBy(() -> this.store.load("bad"));
		this.store.save(this.store.load("contended"));
		assertThatException().isThrownBy(() -> redis.store(SplitExample.builder().updateAttempts(2).build(),
				KeyStrategy.jovo(), ValueCodec.json(), registryOf(this.meters))
			.update("contended", TurnContext.none(), (user) -> redis.server()
				.call((commands) -> commands.append("myapp:user:contended", " "))));
		redis.server().kill();
		try {
			assertThatException().isThrownBy(() -> this.store.load("U1"));
		}
		finally {
			redis.server().restart();
		}
		assertThat(count("load", "invalid-argument")).isEqualTo(1);
		assertThat(count("load", "data-error")).isEqualTo(1);
		assertThat(count("update", "conflict")).isEqualTo(1);
		assertThat(count("load", "unavailable")).isEqualTo(1);
	}

	@Test
	void noTagOrKeyValueCarriesTheUserIdOrAKey() {
		StoredUser user = this.store.load("amzn1.ask.account.SECRETID");
		this.store.save(user);
		for (Meter meter : this.meters.getMeters()) {
			for (Tag tag : meter.getId().getTags()) {
				assertThat(tag.getValue()).doesNotContain("SECRETID").doesNotContain("myapp:");
			}
		}
		assertThat(this.observed).allSatisfy((context) -> {
			assertThat(context.getLowCardinalityKeyValues().stream().map(Object::toString)).noneMatch(
					(keyValue) -> keyValue.contains("SECRETID"));
			assertThat(context.getHighCardinalityKeyValues().stream().map(Object::toString)).noneMatch(
					(keyValue) -> keyValue.contains("SECRETID"));
		});
	}

	private long count(String operation, String outcome) {
		return this.meters.get("redisdb." + operation).tag("outcome", outcome).timer().count();
	}

	private static ObservationRegistry registryOf(MeterRegistry meters) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		return registry;
	}

}

package dev.redisdb;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bytes Jovo 4.6 writes for the same turn, and how it reads edge cases of stored sessions; expected strings are
 * written by hand from what Jovo's plugin stores.
 */
class JovoFidelityIntegrationTests {

	private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

	@RegisterExtension
	static final StoreExtension redis = new StoreExtension();

	@Test
	void aTurnThatDoesNotTouchJovosNumbersWritesThemBackAsJovoWroteThem() {
		String stored = "{\"user\":{\"data\":{\"2\":\"two\",\"10\":\"ten\",\"big\":1.5e+300,\"huge\":1e+21,"
				+ "\"small\":0.0001,\"tiny\":1e-7,\"whole\":100,\"half\":0.5,\"text\":\"a\\u001fb\"}},"
				+ "\"createdAt\":\"2026-01-01T10:00:00.000Z\",\"updatedAt\":\"2026-01-01T10:00:00.000Z\"}";
		redis.server().call((commands) -> commands.set("data:U", stored));
		RedisUserStore store = redis.store(StoreOptions.defaults());
		store.save(store.load("U"));
		assertThat(redis.server().get("data:U")).matches(java.util.regex.Pattern.quote(stored.substring(0,
				stored.indexOf("\"updatedAt\""))) + "\"updatedAt\":\"" + TIMESTAMP + "\"}");
	}

	@Test
	void javaNumbersAreWrittenAsJavaScriptWritesThem() {
		RedisUserStore store = redis.store(StoreOptions.defaults());
		StoredUser user = store.load("U");
		user.data().put("ratio", 1.0);
		user.data().put("big", 1.5E300);
		user.data().put("small", 1.0E-4);
		user.data().put("ten", 100.0);
		user.data().put("exact", 9007199254740993L);
		store.save(user);
		assertThat(redis.server().get("data:U")).startsWith("{\"user\":{\"data\":{\"ratio\":1,\"big\":1.5e+300,"
				+ "\"small\":0.0001,\"ten\":100,\"exact\":9007199254740993}}");
	}

	@Test
	void historyItemFieldsFollowTheFlagsOrderNotTheAppsOrAlphabetical() {
		StoreOptions options = StoreOptions.builder()
			.storedElements(StoredElements.defaults().withHistory(HistoryElement.of(1, "myField", "request", "nlu",
					"output")))
			.build();
		RedisUserStore store = redis.store(options);
		StoredUser user = store.load("U");
		user.currentTurn().put("myField", 1);
		user.currentTurn().put("request", 2);
		user.currentTurn().put("nlu", 3);
		user.currentTurn().put("output", 4);
		store.save(user);
		assertThat(redis.server().get("data:U"))
			.contains("\"history\":{\"items\":[{\"output\":4,\"nlu\":3,\"request\":2,\"myField\":1}]}");
	}

	@Test
	void anEmptyStateStackIsKeptAsJovoKeepsItAndAnAbsentOneStaysAbsent() {
		RedisUserStore store = redis.store(SplitExample.options());
		String fresh = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
		redis.server().call((commands) -> commands.set("myapp:session:U", "{\"session\":{\"id\":\"s1\",\"data\":{},"
				+ "\"state\":[],\"createdAt\":\"" + fresh + "\",\"updatedAt\":\"" + fresh + "\"}}"));
		StoredUser user = store.load("U", TurnContext.ofSession("s1"));
		assertThat(user.session().state()).isEmpty();
		store.save(user);
		assertThat(redis.server().get("myapp:session:U")).contains("\"data\":{},\"state\":[],\"createdAt\"");

		store.save(store.load("V", TurnContext.ofSession("s9")));
		assertThat(redis.server().get("myapp:session:V")).doesNotContain("state");
	}

	@Test
	void aSessionWithoutUpdatedAtNeverExpiresAndGetsItsTimesOnLoad() {
		RedisUserStore store = redis.store(SplitExample.options());
		redis.server().call((commands) -> commands.set("myapp:session:U",
				"{\"session\":{\"id\":\"s1\",\"data\":{\"step\":3}}}"));
		Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		StoredUser user = store.load("U", TurnContext.ofSession("s2"));
		assertThat(user.session().isNew()).isFalse();
		assertThat(user.session().id()).isEqualTo("s1");
		assertThat(user.session().data()).containsEntry("step", 3);
		assertThat(user.session().createdAt()).as("the load time, as Jovo").isAfterOrEqualTo(before);
	}

	@Test
	void expiresAfterZeroSecondsMeansTheDefaultAsInJovo() {
		RedisUserStore store = redis.store(SplitExample.builder()
			.storedElements(StoredElements.defaults()
				.withSession(SessionElement.expiringAfterSeconds(0))
				.withHistory(HistoryElement.of(1, "output")))
			.build());
		setSessionUpdated(Duration.ofSeconds(800));
		assertThat(store.load("U", TurnContext.ofSession("s2")).session().isNew()).isFalse();
		setSessionUpdated(Duration.ofSeconds(1000));
		assertThat(store.load("U", TurnContext.ofSession("s2")).session().isNew()).isTrue();
	}

	@Test
	void unknownTopLevelFieldsAreKeptInStoredOrderAfterJovosFields() {
		redis.server().call((commands) -> commands.set("data:U",
				"{\"7\":true,\"user\":{\"data\":{}},\"migratedBy\":\"tool\"}"));
		RedisUserStore store = redis.store(StoreOptions.defaults());
		store.save(store.load("U"));
		assertThat(redis.server().get("data:U")).matches("\\{\"user\":\\{\"data\":\\{}},\"createdAt\":\"" + TIMESTAMP
				+ "\",\"updatedAt\":\"" + TIMESTAMP + "\",\"7\":true,\"migratedBy\":\"tool\"}");
	}

	private static void setSessionUpdated(Duration ago) {
		String updatedAt = Instant.now().minus(ago).truncatedTo(ChronoUnit.MILLIS).toString();
		redis.server().call((commands) -> commands.set("myapp:session:U", "{\"session\":{\"id\":\"s1\",\"data\":{},"
				+ "\"createdAt\":\"" + updatedAt + "\",\"updatedAt\":\"" + updatedAt + "\"}}"));
	}



}

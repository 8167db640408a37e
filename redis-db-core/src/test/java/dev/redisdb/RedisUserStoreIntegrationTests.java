package dev.redisdb;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.redisdb.JsonAssertions.assertStoredJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The store against a real redis-server: the keys, values and TTLs Jovo writes, and the load rules.
 */
class RedisUserStoreIntegrationTests {

	@RegisterExtension
	static final StoreExtension redis = new StoreExtension();

	/** One entry {@code data} holding every element, sessions and a history of 3 stored. */
	static final StoreOptions ALL_ELEMENTS = StoreOptions.builder()
		.storedElements(StoredElements.defaults().withSession(SessionElement.on()).withHistory(HistoryElement.on()))
		.build();

	static final StoreOptions SPLIT = SplitExample.options();

	@Test
	void defaultConfigWritesOneDataKeyWithUserDataAndTimestampsOnly() {
		RedisUserStore store = redis.store(StoreOptions.defaults());
		StoredUser user = store.load("U");
		user.data().put("visits", 1);
		user.session().data().put("ignored", true);
		store.save(user);
		assertThat(keys()).containsExactly("data:U");
		assertStoredJson(get("data:U"), "{\"user\":{\"data\":{\"visits\":1}},\"createdAt\":\"<ts>\",\"updatedAt\":\"<ts>\"}");
		assertThat(ttl("data:U")).isEqualTo(-1);
	}

	@Test
	void oneEntryWithEveryElementWritesJovosExactValue() {
		RedisUserStore store = redis.store(ALL_ELEMENTS);
		StoredUser user = store.load("U", TurnContext.ofSession("s1"));
		Map<String, Object> nested = new java.util.LinkedHashMap<>();
		nested.put("a", null);
		nested.put("b", 0);
		nested.put("c", "");
		user.data().put("visits", 3);
		user.data().put("name", "Ann");
		user.data().put("nested", nested);
		user.session().data().put("step", 2);
		user.currentTurn().put("output", List.of(Map.of("message", "Hi")));
		store.save(user);
		assertStoredJson(get("data:U"), "{\"user\":{\"data\":{\"visits\":3,\"name\":\"Ann\",\"nested\":{\"a\":null,"
				+ "\"b\":0,\"c\":\"\"}}},\"session\":{\"id\":\"s1\",\"data\":{\"step\":2},\"createdAt\":\"<ts>\","
				+ "\"updatedAt\":\"<ts>\"},\"history\":{\"items\":[{\"output\":[{\"message\":\"Hi\"}]}]},"
				+ "\"createdAt\":\"<ts>\",\"updatedAt\":\"<ts>\"}");
	}

	@Test
	void splitConfigWritesThreeKeysWithTheirTtls() {
		RedisUserStore store = redis.store(SPLIT);
		StoredUser user = store.load("U", TurnContext.ofSession("s1"));
		user.data().put("visits", 1);
		user.session().data().put("step", 2);
		user.currentTurn().put("output", List.of(Map.of("message", "Hi")));
		user.currentTurn().put("asr", "not kept");
		store.save(user);
		assertThat(keys()).containsExactlyInAnyOrder("myapp:user:U", "myapp:session:U", "myapp:history:U");
		assertStoredJson(get("myapp:user:U"),
				"{\"user\":{\"data\":{\"visits\":1}},\"createdAt\":\"<ts>\",\"updatedAt\":\"<ts>\"}");
		assertStoredJson(get("myapp:session:U"), "{\"session\":{\"id\":\"s1\",\"data\":{\"step\":2},"
				+ "\"createdAt\":\"<ts>\",\"updatedAt\":\"<ts>\"}}");
		assertStoredJson(get("myapp:history:U"), "{\"history\":{\"items\":[{\"output\":[{\"message\":\"Hi\"}]}]}}");
		assertThat(ttl("myapp:user:U")).isEqualTo(-1);
		assertThat(ttl("myapp:session:U")).isBetween(1199L, 1200L);
		assertThat(ttl("myapp:history:U")).isBetween(1199L, 1200L);
	}

	@Test
	void loadsHandWrittenJovoValuesOfTheSplitConfig() {
		String fresh = Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.MILLIS).toString();
		set("myapp:user:U", "{\"user\":{\"data\":{\"visits\":3,\"name\":\"Ann\"}},"
				+ "\"createdAt\":\"2026-01-01T10:00:00.000Z\",\"updatedAt\":\"2026-01-02T10:00:05.123Z\"}");
		set("myapp:session:U", "{\"session\":{\"id\":\"s1\",\"data\":{\"step\":2},\"state\":[{\"component\":\"Quiz\"}],"
				+ "\"createdAt\":\"" + fresh + "\",\"updatedAt\":\"" + fresh + "\"}}");
		set("myapp:history:U", "{\"history\":{\"items\":[{\"output\":[{\"message\":\"Hi\"}]}]}}");

		StoredUser user = redis.store(SPLIT).load("U", TurnContext.ofSession("s1"));

		assertThat(user.isNew()).isFalse();
		assertThat(user.data()).containsEntry("visits", 3).containsEntry("name", "Ann");
		assertThat(user.createdAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
		assertThat(user.updatedAt()).isEqualTo(Instant.parse("2026-01-02T10:00:05.123Z"));
		assertThat(user.session().isNew()).isFalse();
		assertThat(user.session().id()).isEqualTo("s1");
		assertThat(user.session().data()).containsEntry("step", 2);
		assertThat(user.session().state()).containsExactly(Map.of("component", "Quiz"));
		assertThat(user.history()).containsExactly(Map.of("output", List.of(Map.of("message", "Hi"))));
	}

	@Test
	void laterEntriesReplaceEarlierTopLevelFieldsWhole() {
		StoreOptions twoEntries = StoreOptions.builder()
			.entries(Entry.everything("a"), Entry.everything("b"))
			.build();
		set("a:U", "{\"user\":{\"data\":{\"x\":1,\"y\":1}},\"createdAt\":\"2026-01-01T10:00:00.000Z\"}");
		set("b:U", "{\"user\":{\"data\":{\"y\":2}}}");
		StoredUser user = redis.store(twoEntries).load("U");
		assertThat(user.data()).isEqualTo(Map.of("y", 2));
		assertThat(user.createdAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
	}

	@Test
	void sessionIsRestoredJustBeforeItExpires() {
		RedisUserStore store = redis.store(SPLIT);
		set("myapp:session:U", sessionUpdatedSecondsAgo(890));
		StoredUser user = store.load("U", TurnContext.ofSession("s2"));
		assertThat(user.session().isNew()).isFalse();
		assertThat(user.session().id()).isEqualTo("s1");
		assertThat(user.session().data()).containsEntry("step", 2);
	}

	@Test
	void sessionIsNewJustAfterItExpired() {
		RedisUserStore store = redis.store(SPLIT);
		set("myapp:session:U", sessionUpdatedSecondsAgo(910));
		StoredUser user = store.load("U", TurnContext.ofSession("s2"));
		assertThat(user.session().isNew()).isTrue();
		assertThat(user.session().id()).isEqualTo("s2");
		assertThat(user.session().data()).isEmpty();
		user.session().data().put("fresh", true);
		store.save(user);
		assertThat(get("myapp:session:U")).contains("\"id\":\"s2\",\"data\":{\"fresh\":true}");
	}

	@Test
	void sessionIsNotRestoredWhenSessionStorageIsOff() {
		set("data:U", sessionUpdatedSecondsAgo(1));
		StoredUser user = redis.store(StoreOptions.defaults()).load("U", TurnContext.ofSession("s2"));
		assertThat(user.session().isNew()).isTrue();
		assertThat(user.session().id()).isEqualTo("s2");
	}

	@Test
	void historyIsNewestFirstAndCutToSize() {
		RedisUserStore store = redis.store(ALL_ELEMENTS);
		for (int turn = 1; turn <= 5; turn++) {
			StoredUser user = store.load("U");
			user.currentTurn().put("output", "answer " + turn);
			user.currentTurn().put("nlu", Map.of("intent", "Turn" + turn));
			user.currentTurn().put("request", "dropped: not a kept field");
			store.save(user);
		}
		assertThat(store.load("U").history()).containsExactly(
				Map.of("output", "answer 5", "nlu", Map.of("intent", "Turn5")),
				Map.of("output", "answer 4", "nlu", Map.of("intent", "Turn4")),
				Map.of("output", "answer 3", "nlu", Map.of("intent", "Turn3")));
	}

	@Test
	void historyWithANullItemWrittenByAnotherToolLoads() {
		set("myapp:history:U", "{\"history\":{\"items\":[null,{\"output\":\"Hi\"}]}}");
		assertThat(redis.store(SPLIT).load("U").history()).containsExactly(null, Map.of("output", "Hi"));
	}

	@Test
	void turnWithoutKeptFieldsAddsNoHistoryItem() {
		RedisUserStore store = redis.store(SPLIT);
		StoredUser first = store.load("U");
		first.currentTurn().put("output", "Hi");
		store.save(first);
		StoredUser second = store.load("U");
		second.currentTurn().put("asr", "not kept in the split config");
		store.save(second);
		assertThat(store.load("U").history()).containsExactly(Map.of("output", "Hi"));
	}

	@Test
	void userIsNewOnlyWhenNoneOfItsKeysExists() {
		RedisUserStore store = redis.store(SPLIT);
		assertThat(store.load("U").isNew()).isTrue();
		set("myapp:history:U", "{\"history\":{\"items\":[]}}");
		assertThat(store.load("U").isNew()).isFalse();
	}

	@Test
	void createdAtIsKeptAndUpdatedAtMovesOn() throws InterruptedException {
		RedisUserStore store = redis.store(StoreOptions.defaults());
		set("data:U", "{\"user\":{\"data\":{}},\"createdAt\":\"2026-01-01T10:00:00.000Z\","
				+ "\"updatedAt\":\"2026-01-01T10:00:00.000Z\"}");
		store.save(store.load("U"));
		StoredUser user = store.load("U");
		assertThat(user.createdAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
		assertThat(user.updatedAt()).isAfter(Instant.now().minusSeconds(5));
	}

	@Test
	void newUserGetsCreatedAtOfItsFirstLoad() {
		RedisUserStore store = redis.store(StoreOptions.defaults());
		StoredUser user = store.load("U");
		store.save(user);
		assertThat(store.load("U").createdAt()).isEqualTo(user.createdAt());
	}

	@Test
	void unknownTopLevelFieldsSurviveALoadSaveCycleInTheirEntry() {
		RedisUserStore store = redis.store(SPLIT);
		set("myapp:user:U", "{\"user\":{\"data\":{\"visits\":1}},\"migratedBy\":\"tool-7\"}");
		set("myapp:history:U", "{\"history\":{\"items\":[]},\"audit\":[1,2]}");
		StoredUser user = store.load("U");
		user.data().put("visits", 2);
		store.save(user);
		assertStoredJson(get("myapp:user:U"), "{\"user\":{\"data\":{\"visits\":2}},\"createdAt\":\"<ts>\","
				+ "\"updatedAt\":\"<ts>\",\"migratedBy\":\"tool-7\"}");
		assertStoredJson(get("myapp:history:U"), "{\"history\":{\"items\":[]},\"audit\":[1,2]}");
	}

	@Test
	void ttlIsSetSlidAndCleared() {
		RedisUserStore store = redis.store(SPLIT);
		store.save(store.load("U"));
		assertThat(ttl("myapp:session:U")).isBetween(1199L, 1200L);
		redis.server().call((commands) -> commands.expire("myapp:session:U", 100));
		redis.server().call((commands) -> commands.expire("myapp:user:U", 100));

		store.save(store.load("U"));

		assertThat(ttl("myapp:session:U")).as("slid").isBetween(1199L, 1200L);
		assertThat(ttl("myapp:user:U")).as("cleared: the user entry has no TTL").isEqualTo(-1);
	}

	@Test
	void deleteRemovesEveryEntryKeyOfTheUserOnly() {
		RedisUserStore store = redis.store(SPLIT);
		store.save(store.load("U"));
		store.save(store.load("other"));
		assertThat(store.delete("U")).isEqualTo(3);
		assertThat(keys()).containsExactlyInAnyOrder("myapp:user:other", "myapp:session:other",
				"myapp:history:other");
		assertThat(store.load("U").isNew()).isTrue();
	}

	@Test
	void keysComeFromTheKeyStrategyWithTheTurnContext() {
		KeyStrategy bySession = (userId, entry, options, context) -> entry.id().equals("session")
				? "s:" + context.sessionId() : KeyStrategy.jovo().createKey(userId, entry, options, context);
		RedisUserStore store = redis.store(SPLIT, bySession, ValueCodec.json());
		store.save(store.load("U", TurnContext.ofSession("abc")));
		assertThat(keys()).containsExactlyInAnyOrder("myapp:user:U", "s:abc", "myapp:history:U", "myapp:index:U");
		assertThat(store.delete("U", TurnContext.ofSession("abc"))).isEqualTo(3);
		assertThat(keys()).isEmpty();
	}

	@Test
	void valuesGoThroughTheValueCodec() {
		ValueCodec reversing = ValueCodec.json().andThen(ValueTransform.of((entry, json) -> reversed(json),
				(entry, stored) -> reversed(stored)));
		RedisUserStore store = redis.store(StoreOptions.defaults(), KeyStrategy.jovo(), reversing);
		StoredUser user = store.load("U");
		user.data().put("name", "Ann");
		store.save(user);
		assertThat(get("data:U")).startsWith("}");
		assertThat(store.load("U").data()).containsEntry("name", "Ann");
	}

	@Test
	void undecodableValueFailsNamingKeyAndEntryButNotTheValue() {
		set("myapp:user:U", "not json: secret");
		assertThatExceptionOfType(RedisDbDataException.class).isThrownBy(() -> redis.store(SPLIT).load("U"))
			.withMessage("Cannot decode entry 'user' stored at key 'myapp:user:U': the value is not a JSON object");
	}

	@Test
	void rejectsMissingUserId() {
		RedisUserStore store = redis.store(SPLIT);
		assertThatIllegalArgumentException().isThrownBy(() -> store.load(""))
			.withMessage("userId must not be null or empty");
		assertThatIllegalArgumentException().isThrownBy(() -> store.load(null))
			.withMessage("userId must not be null or empty");
	}

	@Test
	void loadIsOneMgetAndSaveIsOneRoundTrip() {
		RedisUserStore store = redis.store(SPLIT);
		store.save(store.load("U"));

		Map<String, Long> beforeLoad = redis.server().commandCalls();
		StoredUser user = store.load("U");
		Map<String, Long> load = redis.callsSince(beforeLoad);

		user.data().put("visits", 1);
		Map<String, Long> beforeSave = redis.server().commandCalls();
		store.save(user);
		Map<String, Long> save = redis.callsSince(beforeSave);

		assertThat(load).isEqualTo(Map.of("mget", 1L));
		assertThat(save).as("one EVALSHA; the SETs run inside the script").isEqualTo(Map.of("evalsha", 1L, "set", 3L));
	}

	@Test
	void loadIsOneMgetForANewUserAndANewSessionToo() {
		RedisUserStore store = redis.store(SPLIT);
		Map<String, Long> before = redis.server().commandCalls();
		store.load("new user");
		assertThat(redis.callsSince(before)).isEqualTo(Map.of("mget", 1L));

		store.save(store.load("U"));
		redis.server().call((commands) -> commands.del("myapp:session:U"));
		Map<String, Long> beforeNewSession = redis.server().commandCalls();
		store.load("U", TurnContext.ofSession("s2"));
		assertThat(redis.callsSince(beforeNewSession)).isEqualTo(Map.of("mget", 1L));
	}

	private static byte[] reversed(byte[] bytes) {
		byte[] reversed = new byte[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			reversed[i] = bytes[bytes.length - 1 - i];
		}
		return reversed;
	}

	private static String sessionUpdatedSecondsAgo(long seconds) {
		String updatedAt = Instant.now().minusSeconds(seconds).truncatedTo(ChronoUnit.MILLIS).toString();
		return "{\"session\":{\"id\":\"s1\",\"data\":{\"step\":2},\"createdAt\":\"" + updatedAt + "\",\"updatedAt\":\""
				+ updatedAt + "\"}}";
	}

	private static List<String> keys() {
		return redis.server().call((commands) -> commands.keys("*"));
	}

	private static String get(String key) {
		return redis.server().call((commands) -> commands.get(key));
	}

	private static void set(String key, String value) {
		redis.server().call((commands) -> commands.set(key, value));
	}

	private static long ttl(String key) {
		return redis.server().call((commands) -> commands.ttl(key));
	}

}

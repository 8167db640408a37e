package dev.redisdb;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

import static dev.redisdb.Throwables.stackTraceOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Corrupt stored values, keys of other types, bad user ids and oversized values: a clear error naming key and entry
 * (never the value), and nothing overwritten.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadDataIntegrationTests {

	@RegisterExtension
	static final StoreExtension redis = new StoreExtension();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			not JSON                 | PERSONAL not json                                  | the value is not a JSON object
			JSON but not an object   | "PERSONAL"                                          | the value is not a JSON object
			array                    | ["PERSONAL"]                                        | the value is not a JSON object
			truncated JSON           | {"user":{"data":{"name":"PERSONAL"                  | the value is not valid JSON (at line 1, column 35)
			user of the wrong type   | {"user":"PERSONAL"}                                 | field 'user' has the wrong type or format
			data of the wrong type   | {"user":{"data":["PERSONAL"]}}                      | field 'user.data' has the wrong type or format
			unparsable timestamp     | {"user":{"data":{}},"createdAt":"PERSONAL"}         | field 'createdAt' has the wrong type or format
			session timestamp        | {"session":{"data":{},"updatedAt":12}}             | field 'session.updatedAt' has the wrong type or format
			""")
	void undecodableValueFailsTheLoadNamingKeyAndEntryAndKeepsTheValue(String name, String stored, String problem) {
		redis.server().call((commands) -> commands.set("myapp:user:U", stored));
		assertThatExceptionOfType(RedisDbDataException.class)
			.isThrownBy(() -> redis.store(RedisUserStoreIntegrationTests.SPLIT).load("U"))
			.withMessage("Cannot decode entry 'user' stored at key 'myapp:user:U': " + problem)
			.satisfies((ex) -> assertThat(ex).hasStackTraceContaining("myapp:user:U"))
			.satisfies((ex) -> assertThat(stackTraceOf(ex)).doesNotContain("PERSONAL"));
		assertThat(redis.server().get("myapp:user:U")).isEqualTo(stored);
	}

	@Test
	void keyOfAnotherRedisTypeReadsAsAbsentAndIsNeverOverwritten() {
		redis.server().call((commands) -> commands.hset("myapp:session:U", "field", "value"));
		redis.server().call((commands) -> commands.rpush("myapp:history:U", "item"));
		RedisUserStore store = redis.store(RedisUserStoreIntegrationTests.SPLIT);
		StoredUser user = store.load("U");
		assertThat(user.session().isNew()).isTrue();
		user.data().put("visits", 1);
		assertThatExceptionOfType(RedisDbDataException.class).isThrownBy(() -> store.save(user))
			.withMessage("Cannot save user: entry 'session' at key 'myapp:session:U' holds a Redis value of another "
					+ "type, not a string; nothing was written (undecodable-values: treat-as-empty would overwrite it)");
		assertThat(redis.server().<String>call((commands) -> commands.hget("myapp:session:U", "field")))
			.isEqualTo("value");
		assertThat(redis.server().exists("myapp:user:U")).as("the save is atomic: nothing of it written").isFalse();
	}

	@Test
	void keyOfAnotherTypeCreatedBetweenLoadAndSaveIsNotOverwrittenEither() {
		RedisUserStore store = redis.store(StoreOptions.defaults());
		StoredUser user = store.load("U");
		redis.server().call((commands) -> commands.sadd("data:U", "member"));
		assertThatExceptionOfType(RedisDbDataException.class).isThrownBy(() -> store.save(user))
			.withMessageStartingWith("Cannot save user: entry 'data' at key 'data:U' holds a Redis value of another");
		assertThat(redis.server().<String>call((commands) -> commands.type("data:U"))).isEqualTo("set");
	}

	@Test
	void treatAsEmptyPolicyLoadsTheEntryAsEmptyWarnsAndLetsTheSaveRepairIt(CapturedOutput output) {
		RedisUserStore store = redis
			.store(RedisUserStoreIntegrationTests.SPLIT.toBuilder().undecodableValues(UndecodableValues.TREAT_AS_EMPTY).build());
		redis.server().call((commands) -> commands.set("myapp:user:U", "PERSONAL not json"));
		redis.server().call((commands) -> commands.hset("myapp:session:U", "field", "value"));
		redis.server().call((commands) -> commands.set("myapp:history:U", "{\"history\":{\"items\":[{\"output\":\"Hi\"}]}}"));

		StoredUser user = store.load("U");

		assertThat(user.data()).isEmpty();
		assertThat(user.session().isNew()).isTrue();
		assertThat(user.history()).containsExactly(Map.of("output", "Hi"));
		assertThat(output).contains("Cannot decode entry 'user' stored at key 'myapp:user:U': the value is not a JSON "
				+ "object; treated as empty (undecodable-values: treat-as-empty)")
			.doesNotContain("PERSONAL");
		user.data().put("visits", 1);
		user.session().data().put("step", 1);
		store.save(user);
		assertThat(store.load("U").data()).containsEntry("visits", 1);
		assertThat(store.load("U").session().data()).as("the hash was replaced").containsEntry("step", 1);
	}

	@Test
	void rejectsNullEmptyAndOverlongUserIds() {
		RedisUserStore store = redis.store(StoreOptions.builder().maxUserIdLength(10).build());
		assertThatIllegalArgumentException().isThrownBy(() -> store.load(null))
			.withMessage("userId must not be null or empty");
		assertThatIllegalArgumentException().isThrownBy(() -> store.delete(""))
			.withMessage("userId must not be null or empty");
		assertThatIllegalArgumentException().isThrownBy(() -> store.load("12345678901"))
			.withMessage("userId is 11 characters long, more than max-user-id-length (10)");
		assertThat(store.load("1234567890").isNew()).isTrue();
	}

	@Test
	void oversizedValueIsRejectedBeforeAnythingIsWritten() {
		RedisUserStore store = redis
			.store(RedisUserStoreIntegrationTests.SPLIT.toBuilder().maxValueSize(DataSize.ofBytes(200)).build());
		StoredUser user = store.load("U");
		user.data().put("name", "Ann");
		user.session().data().put("step", 1);
		store.save(user);
		String storedUser = redis.server().get("myapp:user:U");
		String storedSession = redis.server().get("myapp:session:U");

		StoredUser next = store.load("U");
		next.data().put("name", "Bob");
		next.session().data().put("notes", "x".repeat(300));
		assertThatIllegalArgumentException().isThrownBy(() -> store.save(next))
			.withMessageStartingWith("Cannot save user: entry 'session' encodes to ")
			.withMessageEndingWith(" bytes, more than max-value-size (200B); nothing was written");
		assertThat(redis.server().get("myapp:user:U")).isEqualTo(storedUser);
		assertThat(redis.server().get("myapp:session:U")).isEqualTo(storedSession);
	}

	@Test
	void codecFailureOnOneEntryWritesNoEntry() {
		ValueCodec failingOnHistory = ValueCodec.json().andThen(ValueTransform.of((entry, json) -> {
			throw new IllegalStateException("cannot encode history");
		}, (entry, stored) -> stored).onlyFor("history"));
		RedisUserStore store = redis.store(RedisUserStoreIntegrationTests.SPLIT, KeyStrategy.jovo(), failingOnHistory);
		StoredUser user = store.load("U");
		user.data().put("visits", 1);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> store.save(user));
		assertThat(redis.server().dbSize()).isZero();
	}


}

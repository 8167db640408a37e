package dev.redisdb;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What a save accepts: JSON values only, named by their path when they are not; sizes that no user gets stuck with;
 * and stored values too deep to read, reported as data errors.
 */
class SaveValidationIntegrationTests {

	@RegisterExtension
	static final StoreExtension redis = new StoreExtension();

	static List<Object[]> notJson() {
		Map<String, Object> cyclic = new HashMap<>();
		cyclic.put("self", cyclic);
		Object deep = "leaf";
		for (int i = 0; i < 600; i++) {
			deep = List.of(deep);
		}
		return List.of(new Object[] { Double.NaN, "user.data.profile.tags[2] is NaN, which JSON cannot hold" },
				new Object[] { Double.POSITIVE_INFINITY, "user.data.profile.tags[2] is Infinity, which JSON cannot hold" },
				new Object[] { Float.NEGATIVE_INFINITY, "user.data.profile.tags[2] is -Infinity, which JSON cannot hold" },
				new Object[] { new BigDecimal("1e400"),
						"user.data.profile.tags[2] is a number beyond the range of a JSON number, which reads it as Infinity" },
				new Object[] { BigInteger.TEN.pow(400),
						"user.data.profile.tags[2] is a number beyond the range of a JSON number, which reads it as Infinity" },
				new Object[] { new Thread(), "user.data.profile.tags[2] is a java.lang.Thread, not a JSON value" },
				new Object[] { new Object(), "user.data.profile.tags[2] is a java.lang.Object, not a JSON value" },
				new Object[] { cyclic, "user.data.profile.tags[2].self contains itself" },
				new Object[] { Map.of(1, "x"), "user.data.profile.tags[2] has a key of type java.lang.Integer, not a string" },
				new Object[] { deep, "is nested deeper than 500 levels" });
	}

	@ParameterizedTest
	@MethodSource("notJson")
	void aValueThatIsNotJsonIsRefusedByItsPathAndNothingIsWritten(Object value, String problem) {
		RedisUserStore store = redis.store(SplitExample.options());
		StoredUser user = store.load("U");
		user.data().put("visits", 1);
		store.save(user);
		String before = redis.server().get("myapp:user:U");

		StoredUser next = store.load("U");
		List<Object> tags = new ArrayList<>(List.of("a", "b"));
		tags.add(value);
		next.data().put("profile", Map.of("tags", tags));
		next.session().data().put("step", 2);
		assertThatIllegalArgumentException().isThrownBy(() -> store.save(next))
			.withMessageStartingWith("Cannot save user: ")
			.withMessageContaining(problem)
			.withMessageEndingWith("(JSON values are null, strings, booleans, finite numbers, lists and maps with "
					+ "string keys); nothing was written")
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(400));
		assertThat(redis.server().get("myapp:user:U")).isEqualTo(before);
		assertThat(redis.server().exists("myapp:session:U")).isTrue();
		assertThat(redis.server().get("myapp:session:U")).doesNotContain("\"step\":2");
	}

	@Test
	void sessionStateAndTheTurnsHistoryItemAreCheckedToo() {
		RedisUserStore store = redis.store(SplitExample.options());
		StoredUser user = store.load("U");
		user.session().state().add(new Object());
		assertThatIllegalArgumentException().isThrownBy(() -> store.save(user))
			.withMessageStartingWith("Cannot save user: session.state[0] is a java.lang.Object");
		StoredUser other = store.load("V");
		other.currentTurn().put("output", List.of(Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> store.save(other))
			.withMessageStartingWith("Cannot save user: history.items[0].output[0] is NaN");
		assertThat(redis.server().dbSize()).isZero();
	}

	@Test
	void jsonValuesOfEveryKindAreAccepted() {
		RedisUserStore store = redis.store(StoreOptions.defaults());
		StoredUser user = store.load("U");
		Map<String, Object> nested = new LinkedHashMap<>();
		nested.put("null", null);
		nested.put("list", List.of(1, 2L, (short) 3, (byte) 4, 1.5, 2.5f, new BigDecimal("0.1"),
				new BigInteger("9007199254740993"), true, "text"));
		user.data().put("nested", nested);
		store.save(user);
		assertThat(redis.server().get("data:U")).contains("\"list\":[1,2,3,4,1.5,2.5,0.1,9007199254740993,true,\"text\"]");
	}

	@Test
	void anEntryAlreadyLargerThanTheLimitCanBeSavedAsLongAsItDoesNotGrow() {
		RedisUserStore store = redis.store(StoreOptions.builder().maxValueSize(DataSize.ofBytes(200)).build());
		String large = "{\"user\":{\"data\":{\"notes\":\"" + "x".repeat(300) + "\"}}}";
		redis.server().call((commands) -> commands.set("data:U", large));

		StoredUser user = store.load("U");
		user.data().put("notes", "x".repeat(200));
		store.save(user);
		assertThat(store.load("U").data().get("notes", String.class)).hasSize(200);

		StoredUser growing = store.load("U");
		growing.data().put("notes", "x".repeat(400));
		assertThatIllegalArgumentException().isThrownBy(() -> store.save(growing))
			.withMessageMatching("Cannot save user: entry 'data' encodes to \\d+ bytes, more than max-value-size "
					+ "\\(200B\\) and more than the \\d+ bytes it held; nothing was written");
	}

	@Test
	void aStoredValueNestedTooDeeplyToReadIsADataErrorNamingKeyAndEntry() {
		String deep = "{\"user\":{\"data\":{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}}}";
		redis.server().call((commands) -> commands.set("data:U", deep));
		assertThatExceptionOfType(RedisDbDataException.class)
			.isThrownBy(() -> redis.store(StoreOptions.defaults()).load("U"))
			.withMessageStartingWith("Cannot decode entry 'data' stored at key 'data:U': the value exceeds what the "
					+ "codec reads: Document nesting depth")
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(300));
		assertThatIllegalArgumentException().as("the codec keeps its contract for codecs that delegate to it")
			.isThrownBy(() -> ValueCodec.json().decode(new EntryKey("data", "data:U"),
					deep.getBytes(StandardCharsets.UTF_8)));
	}

}

package dev.redisdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanCursor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After {@code delete(userId)} no key in Redis holds any of the user's data, whatever the layout: checked by scanning
 * every key and value of the server, which the store itself never does.
 */
class ErasureIntegrationTests {

	private static final String MARKER = "erase-me-7f3a";

	@RegisterExtension
	static final StoreExtension redis = new StoreExtension();

	@ParameterizedTest
	@ValueSource(strings = { "default", "split", "session-keyed" })
	void deleteLeavesNoKeyOrValueOfTheUserAfterAMultiSessionConversation(String layout) {
		RedisUserStore store = store(layout);
		for (String session : List.of("s1", "s2", "s3")) {
			for (int turn = 0; turn < 2; turn++) {
				StoredUser user = store.load("anna", TurnContext.ofSession(session));
				user.data().put("note", MARKER);
				user.session().data().put("note", MARKER + "-" + session);
				user.currentTurn().put("output", MARKER);
				store.save(user);
			}
		}
		StoredUser other = store.load("bob", TurnContext.ofSession("b1"));
		other.data().put("note", "bob-stays");
		other.session().data().put("note", "bob-stays");
		store.save(other);
		List<String> keysOfBob = keysNaming("bob");
		List<String> valuesOfBob = keysHolding("bob-stays");

		Map<String, Long> before = redis.server().commandCalls();
		store.delete("anna");
		Map<String, Long> calls = redis.callsSince(before);

		assertThat(keysHolding(MARKER)).isEmpty();
		assertThat(keysNaming("anna")).isEmpty();
		assertThat(calls).as("one script, which deletes inside").containsEntry("evalsha", 1L)
			.containsOnlyKeys("evalsha", "del", "hkeys");
		assertThat(keysNaming("bob")).as("bob's keys stay").isEqualTo(keysOfBob);
		assertThat(keysHolding("bob-stays")).isEqualTo(valuesOfBob);
		assertThat(store.load("bob", TurnContext.ofSession("b1")).data()).containsEntry("note", "bob-stays");
	}

	@Test
	void deleteCountsTheDataKeysItRemoved() {
		RedisUserStore store = store("session-keyed");
		store.save(store.load("anna", TurnContext.ofSession("s1")));
		store.save(store.load("anna", TurnContext.ofSession("s2")));
		assertThat(store.delete("anna")).as("user, history and two sessions").isEqualTo(4);
		assertThat(redis.server().dbSize()).isZero();
	}

	private static RedisUserStore store(String layout) {
		return switch (layout) {
			case "default" -> redis.store(StoreOptions.defaults());
			case "split" -> redis.store(SplitExample.options());
			default -> redis.store(SplitExample.options(), SessionOwnershipIntegrationTests.SESSION_BY_SESSION_ID,
					ValueCodec.json());
		};
	}

	private static List<String> keysHolding(String text) {
		return allKeys().stream().filter((key) -> {
			String type = redis.server().call((commands) -> commands.type(key));
			String content = type.equals("string") ? redis.server().get(key)
					: String.valueOf(redis.server().<Object>call((commands) -> commands.hgetall(key)));
			return content.contains(text);
		}).toList();
	}

	private static List<String> keysNaming(String userId) {
		return allKeys().stream().filter((key) -> key.contains(userId)).toList();
	}

	private static List<String> allKeys() {
		return redis.server().call((commands) -> {
			List<String> keys = new ArrayList<>();
			KeyScanCursor<String> cursor = commands.scan();
			keys.addAll(cursor.getKeys());
			while (!cursor.isFinished()) {
				cursor = commands.scan(ScanCursor.of(cursor.getCursor()));
				keys.addAll(cursor.getKeys());
			}
			return keys;
		});
	}

}

package dev.redisdb;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKey;

import io.lettuce.core.codec.ByteArrayCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.redisdb.Throwables.stackTraceOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The store with {@link ValueTransform#encryption} for the {@code user} entry of Jovo's split example, against a
 * real Redis: what Redis holds, values swapped between users, key rotation, and a wrong key.
 */
class EncryptionIntegrationTests {

	@RegisterExtension
	static final StoreExtension redis = new StoreExtension();

	private static final SecretKey K1 = ValueEncryptionTests.key(1);

	private static final SecretKey K2 = ValueEncryptionTests.key(2);

	@Test
	void storesTheUserEntryEncryptedAndTheOthersAsJovoJson() {
		RedisUserStore store = store(Map.of("k1", K1), "k1");
		save(store, "U1", "Anna");

		assertThat(raw("myapp:user:U1")[0] & 0xff).isEqualTo(0xA5);
		assertThat(new String(raw("myapp:user:U1"), StandardCharsets.ISO_8859_1)).doesNotContain("Anna");
		assertThat(redis.server().get("myapp:session:U1")).startsWith("{\"session\"");
		assertThat(store.load("U1").data()).containsEntry("name", "Anna");
	}

	@Test
	void aValueCopiedToAnotherUserFailsToLoadNamingKeyAndEntryAndIsNotOverwritten() {
		RedisUserStore store = store(Map.of("k1", K1), "k1");
		save(store, "U1", "Anna");
		save(store, "U2", "Bert");
		byte[] anna = raw("myapp:user:U1");
		byte[] bert = raw("myapp:user:U2");
		setRaw("myapp:user:U2", anna);
		setRaw("myapp:user:U1", bert);

		for (String user : new String[] { "U1", "U2" }) {
			assertThatExceptionOfType(RedisDbDataException.class).isThrownBy(() -> store.load(user))
				.withMessage("Cannot decode entry 'user' stored at key 'myapp:user:" + user + "': the value does not "
						+ "decrypt with key id 'k1': it was changed, copied from another key, or encrypted with another "
						+ "key under the same id")
				.satisfies((ex) -> assertThat(stackTraceOf(ex)).doesNotContain("Anna").doesNotContain("Bert"));
		}
		assertThat(raw("myapp:user:U2")).isEqualTo(anna);
		assertThat(raw("myapp:user:U1")).isEqualTo(bert);
	}

	@Test
	void aTamperedValueFailsToLoadAndIsNotOverwritten() {
		RedisUserStore store = store(Map.of("k1", K1), "k1");
		save(store, "U1", "Anna");
		byte[] tampered = raw("myapp:user:U1");
		tampered[tampered.length - 1] ^= 1;
		setRaw("myapp:user:U1", tampered);

		assertThatExceptionOfType(RedisDbDataException.class).isThrownBy(() -> store.load("U1"))
			.withMessageStartingWith("Cannot decode entry 'user' stored at key 'myapp:user:U1': the value does not "
					+ "decrypt with key id 'k1'");
		assertThat(raw("myapp:user:U1")).isEqualTo(tampered);
	}

	@Test
	void rotationReadsTheOldKeyIdAndWritesTheNewOne() {
		save(store(Map.of("k1", K1), "k1"), "U1", "Anna");
		assertThat(keyIdOf(raw("myapp:user:U1"))).isEqualTo("k1");
		Map<String, SecretKey> both = new LinkedHashMap<>();
		both.put("k1", K1);
		both.put("k2", K2);
		RedisUserStore rotated = store(both, "k2");

		StoredUser user = rotated.load("U1");
		assertThat(user.data()).containsEntry("name", "Anna");
		user.data().put("visits", 2);
		rotated.save(user);

		assertThat(keyIdOf(raw("myapp:user:U1"))).isEqualTo("k2");
		assertThat(store(Map.of("k2", K2), "k2").load("U1").data()).containsEntry("name", "Anna")
			.containsEntry("visits", 2);
	}

	@Test
	void aWrongKeyFailsTheLoadNamingKeyAndEntryAndNothingIsOverwritten() {
		save(store(Map.of("k1", K1), "k1"), "U1", "Anna");
		byte[] before = raw("myapp:user:U1");
		RedisUserStore wrongKey = store(Map.of("k1", K2), "k1");

		assertThatExceptionOfType(RedisDbDataException.class).isThrownBy(() -> wrongKey.load("U1"))
			.withMessageStartingWith("Cannot decode entry 'user' stored at key 'myapp:user:U1': the value does not "
					+ "decrypt with key id 'k1'");
		assertThatExceptionOfType(RedisDbDataException.class)
			.isThrownBy(() -> wrongKey.update("U1", TurnContext.none(), (user) -> user.data().put("name", "Eve")));
		assertThat(raw("myapp:user:U1")).isEqualTo(before);
	}

	@Test
	void plainValuesWrittenBeforeEncryptionLoadAndAreEncryptedOnTheNextSave() {
		save(redis.store(SplitExample.options()), "U1", "Anna");
		assertThat(redis.server().get("myapp:user:U1")).startsWith("{\"user\"");

		RedisUserStore store = store(Map.of("k1", K1), "k1");
		StoredUser user = store.load("U1");
		assertThat(user.data()).containsEntry("name", "Anna");
		store.save(user);

		assertThat(raw("myapp:user:U1")[0] & 0xff).isEqualTo(0xA5);
	}

	private static RedisUserStore store(Map<String, SecretKey> keys, String activeKeyId) {
		return redis.store(SplitExample.options(), KeyStrategy.jovo(),
				ValueCodec.json().andThen(ValueTransform.encryption(keys, activeKeyId).onlyFor("user")));
	}

	private static void save(RedisUserStore store, String userId, String name) {
		StoredUser user = store.load(userId, TurnContext.ofSession("s-" + userId));
		user.data().put("name", name);
		user.session().data().put("step", 1);
		store.save(user);
	}

	private static String keyIdOf(byte[] stored) {
		return new String(stored, 3, stored[2], StandardCharsets.US_ASCII);
	}

	private static byte[] raw(String key) {
		return bytes((commands) -> commands.get(key.getBytes(StandardCharsets.UTF_8)));
	}

	private static void setRaw(String key, byte[] value) {
		bytes((commands) -> {
			commands.set(key.getBytes(StandardCharsets.UTF_8), value);
			return null;
		});
	}

	private static byte[] bytes(java.util.function.Function<io.lettuce.core.api.sync.RedisCommands<byte[], byte[]>, byte[]> command) {
		io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient
			.create(io.lettuce.core.RedisURI.create(redis.server().uri()));
		try (var connection = client.connect(ByteArrayCodec.INSTANCE)) {
			return command.apply(connection.sync());
		}
		finally {
			client.shutdown();
		}
	}

}

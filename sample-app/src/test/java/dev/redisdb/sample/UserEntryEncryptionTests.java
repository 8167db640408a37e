package dev.redisdb.sample;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import dev.redisdb.DbItem;
import dev.redisdb.EntryKey;
import dev.redisdb.ValueCodec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UserEntryEncryptionTests {

	private final ValueCodec codec = new UserEntryEncryption(key(1)).codec();

	@Test
	void encryptsTheUserEntryAndDecryptsItBack() {
		String stored = encode(this.codec, "user", userItem("Anna"));

		assertThat(stored).doesNotContain("Anna").doesNotStartWith("{");
		assertThat(Base64.getDecoder().decode(stored)).hasSizeGreaterThan(12 + 16);
		assertThat(decode("user", stored).getUser().data()).containsEntry("name", "Anna");
	}

	@Test
	void usesAFreshNonceForEveryValue() {
		byte[] first = Base64.getDecoder().decode(encode(this.codec, "user", userItem("Anna")));
		byte[] second = Base64.getDecoder().decode(encode(this.codec, "user", userItem("Anna")));

		assertThat(java.util.Arrays.copyOf(first, 12)).isNotEqualTo(java.util.Arrays.copyOf(second, 12));
	}

	@Test
	void leavesOtherEntriesAsJovoJson() {
		DbItem item = userItem("Anna");

		assertThat(encode(this.codec, "session", item)).isEqualTo(encode(ValueCodec.json(), "session", item));
		assertThat(decode("history", "{\"history\":{\"items\":[]}}").getHistory().items()).isEmpty();
	}

	@Test
	void refusesAValueEncryptedWithAnotherKey() {
		String stored = encode(new UserEntryEncryption(key(2)).codec(), "user", userItem("Anna"));

		assertThatIllegalArgumentException().isThrownBy(() -> decode("user", stored))
			.withMessage("the value cannot be decrypted: it was encrypted with another key "
					+ "(check sample.encryption-key) or it has been changed")
			.withNoCause();
	}

	@Test
	void refusesATamperedValue() {
		byte[] bytes = Base64.getDecoder().decode(encode(this.codec, "user", userItem("Anna")));
		bytes[20] ^= 1;
		String tampered = Base64.getEncoder().encodeToString(bytes);

		assertThatIllegalArgumentException().isThrownBy(() -> decode("user", tampered))
			.withMessageContaining("cannot be decrypted")
			.withMessageNotContaining(tampered);
	}

	@Test
	void refusesAPlainJsonUserValueWithoutQuotingIt() {
		String plain = encode(ValueCodec.json(), "user", userItem("Anna"));

		assertThatIllegalArgumentException().isThrownBy(() -> decode("user", plain))
			.withMessageStartingWith("the value is not base64")
			.withMessageNotContaining("Anna");
	}

	@Test
	void refusesAValueTooShortToHoldNonceAndTag() {
		String tooShort = Base64.getEncoder().encodeToString(new byte[27]);

		assertThatIllegalArgumentException().isThrownBy(() -> decode("user", tooShort))
			.withMessage("the value is too short to be AES-GCM ciphertext");
	}

	private static String encode(ValueCodec codec, String entryId, DbItem item) {
		return new String(codec.encode(new EntryKey(entryId, "myapp:" + entryId + ":U"), item), StandardCharsets.UTF_8);
	}

	private DbItem decode(String entryId, String stored) {
		return this.codec.decode(new EntryKey(entryId, "myapp:" + entryId + ":U"), stored.getBytes(StandardCharsets.UTF_8));
	}

	private static DbItem userItem(String name) {
		DbItem item = new DbItem();
		item.setUser(new DbItem.UserPart(Map.of("name", name, "visits", 1)));
		return item;
	}

	private static SecretKey key(int fill) {
		byte[] key = new byte[32];
		java.util.Arrays.fill(key, (byte) fill);
		return new SecretKeySpec(key, "AES");
	}

}

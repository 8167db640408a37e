package dev.redisdb.sample;

import java.util.Base64;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import dev.redisdb.DbItem;
import dev.redisdb.ValueCodec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EncryptingValueCodecTests {

	private final EncryptingValueCodec codec = new EncryptingValueCodec(key(1));

	@Test
	void encryptsTheUserEntryAndDecryptsItBack() {
		String stored = this.codec.encode("user", userItem("Anna"));

		assertThat(stored).doesNotContain("Anna").doesNotStartWith("{");
		assertThat(Base64.getDecoder().decode(stored)).hasSizeGreaterThan(12 + 16);
		assertThat(this.codec.decode("user", stored).getUser().data()).containsEntry("name", "Anna");
	}

	@Test
	void usesAFreshNonceForEveryValue() {
		byte[] first = Base64.getDecoder().decode(this.codec.encode("user", userItem("Anna")));
		byte[] second = Base64.getDecoder().decode(this.codec.encode("user", userItem("Anna")));

		assertThat(java.util.Arrays.copyOf(first, 12)).isNotEqualTo(java.util.Arrays.copyOf(second, 12));
	}

	@Test
	void leavesOtherEntriesAsJovoJson() {
		DbItem item = userItem("Anna");

		assertThat(this.codec.encode("session", item)).isEqualTo(ValueCodec.json().encode("session", item));
		assertThat(this.codec.decode("history", "{\"history\":{\"items\":[]}}").getHistory().items()).isEmpty();
	}

	@Test
	void refusesAValueEncryptedWithAnotherKey() {
		String stored = new EncryptingValueCodec(key(2)).encode("user", userItem("Anna"));

		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode("user", stored))
			.withMessage("the value cannot be decrypted: it was encrypted with another key "
					+ "(check sample.encryption-key) or it has been changed")
			.withNoCause();
	}

	@Test
	void refusesATamperedValue() {
		byte[] bytes = Base64.getDecoder().decode(this.codec.encode("user", userItem("Anna")));
		bytes[20] ^= 1;
		String tampered = Base64.getEncoder().encodeToString(bytes);

		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode("user", tampered))
			.withMessageContaining("cannot be decrypted")
			.withMessageNotContaining(tampered);
	}

	@Test
	void refusesAPlainJsonUserValueWithoutQuotingIt() {
		String plain = ValueCodec.json().encode("user", userItem("Anna"));

		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode("user", plain))
			.withMessageStartingWith("the value is not base64")
			.withMessageNotContaining("Anna");
	}

	@Test
	void refusesAValueTooShortToHoldNonceAndTag() {
		String tooShort = Base64.getEncoder().encodeToString(new byte[27]);

		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode("user", tooShort))
			.withMessage("the value is too short to be AES-GCM ciphertext");
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

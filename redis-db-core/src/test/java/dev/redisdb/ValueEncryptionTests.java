package dev.redisdb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link ValueTransform#encryption}: the documented envelope, the Redis key as associated data, key rotation, and
 * failures that name the key id and never a key or the value.
 */
class ValueEncryptionTests {

	private static final EntryKey USER = new EntryKey("user", "myapp:user:U1");

	private static final SecretKey K1 = key(1);

	private static final SecretKey K2 = key(2);

	private final ValueCodec codec = ValueCodec.json().andThen(ValueTransform.encryption(Map.of("k1", K1), "k1"));

	@Test
	void encryptsIntoTheDocumentedEnvelopeAndDecryptsItBack() throws Exception {
		byte[] stored = this.codec.encode(USER, item("PERSONAL"));

		assertThat(stored[0] & 0xff).isEqualTo(0xA5);
		assertThat(stored[1]).isEqualTo((byte) 1);
		assertThat(stored[2]).isEqualTo((byte) 2);
		assertThat(new String(stored, 3, 2, StandardCharsets.US_ASCII)).isEqualTo("k1");
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("PERSONAL");
		assertThat(new String(decryptByLayout(stored, K1, USER.key()), StandardCharsets.UTF_8))
			.isEqualTo(new String(ValueCodec.json().encode(USER, item("PERSONAL")), StandardCharsets.UTF_8));
		assertThat(this.codec.decode(USER, stored).getUser().data()).containsEntry("notes", "PERSONAL");
	}

	@Test
	void usesAFreshNonceForEveryValue() {
		byte[] first = this.codec.encode(USER, item("a"));
		byte[] second = this.codec.encode(USER, item("a"));

		assertThat(Arrays.copyOfRange(first, 5, 17)).isNotEqualTo(Arrays.copyOfRange(second, 5, 17));
	}

	@Test
	void aValueCopiedToAnotherKeyDoesNotDecrypt() {
		byte[] stored = this.codec.encode(USER, item("PERSONAL"));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.codec.decode(new EntryKey("user", "myapp:user:U2"), stored))
			.withMessage("the value does not decrypt with key id 'k1': it was changed, copied from another key, or "
					+ "encrypted with another key under the same id");
	}

	@Test
	void everyChangedByteIsDetected() {
		byte[] stored = this.codec.encode(USER, item("PERSONAL"));
		for (int i = 0; i < stored.length; i++) {
			byte[] tampered = stored.clone();
			tampered[i] ^= 0x01;
			assertThatIllegalArgumentException().as("byte %d changed", i).isThrownBy(() -> this.codec.decode(USER, tampered));
		}
	}

	@Test
	void readsValuesUnderEveryConfiguredKeyIdAndWritesWithTheActiveOne() {
		byte[] underK1 = this.codec.encode(USER, item("old"));
		Map<String, SecretKey> keys = new LinkedHashMap<>();
		keys.put("k1", K1);
		keys.put("k2", K2);
		ValueCodec rotated = ValueCodec.json().andThen(ValueTransform.encryption(keys, "k2"));

		assertThat(rotated.decode(USER, underK1).getUser().data()).containsEntry("notes", "old");
		byte[] underK2 = rotated.encode(USER, item("new"));
		assertThat(new String(underK2, 3, 2, StandardCharsets.US_ASCII)).isEqualTo("k2");
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode(USER, underK2))
			.withMessage("the value is encrypted with key id 'k2', which is not among the configured keys [k1]");
	}

	@Test
	void aValueEncryptedWithAnotherKeyUnderTheSameIdDoesNotDecrypt() {
		byte[] stored = ValueCodec.json().andThen(ValueTransform.encryption(Map.of("k1", K2), "k1")).encode(USER, item("x"));

		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode(USER, stored))
			.withMessageStartingWith("the value does not decrypt with key id 'k1'");
	}

	@Test
	void readsPlainJsonWrittenBeforeEncryptionWasTurnedOn() {
		byte[] plain = ValueCodec.json().encode(USER, item("before"));

		assertThat(this.codec.decode(USER, plain).getUser().data()).containsEntry("notes", "before");
	}

	@Test
	void encryptsAfterCompressionAndReadsBoth() {
		ValueCodec codec = ValueCodec.json()
			.andThen(ValueTransform.compression(DataSize.ofBytes(100)))
			.andThen(ValueTransform.encryption(Map.of("k1", K1), "k1"));
		byte[] large = codec.encode(USER, item("x".repeat(5000)));

		assertThat(large.length).isLessThan(200);
		assertThat(codec.decode(USER, large).getUser().data()).containsEntry("notes", "x".repeat(5000));
		assertThat(codec.decode(USER, codec.encode(USER, item("small"))).getUser().data()).containsEntry("notes", "small");
	}

	@Test
	void truncatedOrUnknownEnvelopesAreUndecodable() {
		byte[] stored = this.codec.encode(USER, item("x"));
		byte[] otherVersion = stored.clone();
		otherVersion[1] = 2;

		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode(USER, Arrays.copyOf(stored, 20)))
			.withMessage("the value starts like an encrypted value but is too short for one");
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode(USER, otherVersion))
			.withMessage("the value starts like an encrypted value but its envelope version is unknown or missing");
	}

	@Test
	void refusesKeysThatCannotWork() {
		assertThatIllegalArgumentException().isThrownBy(() -> ValueTransform.encryption(Map.of(), "k1"))
			.withMessage("keys must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ValueTransform.encryption(Map.of("k1", new SecretKeySpec(new byte[16], "AES")), "k1"))
			.withMessage("key 'k1' must be 256 bits long, not 128");
		assertThatIllegalArgumentException().isThrownBy(() -> ValueTransform.encryption(Map.of("k1", K1), "k2"))
			.withMessage("activeKeyId 'k2' names none of the keys [k1]");
		assertThatIllegalArgumentException().isThrownBy(() -> ValueTransform.encryption(Map.of("k 1", K1), "k 1"))
			.withMessage("key id 'k 1' must be 1 to 64 ASCII letters, digits, '-' or '_'");
	}

	@Test
	void toStringNamesKeyIdsOnly() {
		ValueTransform encryption = ValueTransform.encryption(Map.of("k1", K1), "k1");

		assertThat(encryption).hasToString("AES-256-GCM encryption [activeKeyId=k1, keyIds=[k1]]");
	}

	static SecretKey key(int fill) {
		byte[] key = new byte[32];
		Arrays.fill(key, (byte) fill);
		return new SecretKeySpec(key, "AES");
	}

	/** Decrypts by the layout documented in the README, without the store's code. */
	static byte[] decryptByLayout(byte[] stored, SecretKey key, String redisKey) throws Exception {
		int header = 3 + stored[2];
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, header, 12));
		cipher.updateAAD(stored, 0, header);
		cipher.updateAAD(redisKey.getBytes(StandardCharsets.UTF_8));
		return cipher.doFinal(stored, header + 12, stored.length - header - 12);
	}

	private static DbItem item(String notes) {
		DbItem item = new DbItem();
		item.setUser(new DbItem.UserPart(Map.of("notes", notes)));
		return item;
	}

}

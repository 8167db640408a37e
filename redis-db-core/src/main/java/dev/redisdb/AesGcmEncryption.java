package dev.redisdb;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with key ids: {@link ValueTransform#encryption}. A stored value is an envelope:
 *
 * <pre>
 * 0xA5 | 0x01 | n | key id (n bytes, ASCII) | nonce (12 bytes) | ciphertext and 16-byte tag
 * </pre>
 *
 * 0xA5 is a UTF-8 continuation byte, so neither JSON nor any UTF-8 text starts with it, and gzip starts with 0x1f. The
 * associated data is the envelope's header (its first 3 + n bytes) followed by the UTF-8 of the Redis key, so a value
 * copied to another key, or with another key id or version put in front, does not decrypt. A value that does not
 * start with 0xA5 was written before encryption was turned on: it passes unchanged, and the next save encrypts it.
 */
final class AesGcmEncryption implements ValueTransform {

	static final int MAGIC = 0xA5;

	static final int VERSION = 1;

	static final int NONCE_BYTES = 12;

	static final int TAG_BYTES = 16;

	private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private final SecureRandom random = new SecureRandom();

	private final Map<String, SecretKey> keys;

	private final String activeKeyId;

	private final byte[] activeHeader;

	AesGcmEncryption(Map<String, SecretKey> keys, String activeKeyId) {
		if (keys == null || keys.isEmpty()) {
			throw new IllegalArgumentException("keys must not be empty");
		}
		Map<String, SecretKey> checked = new LinkedHashMap<>();
		keys.forEach((id, key) -> {
			checkKeyId(id);
			checkKey(id, key);
			checked.put(id, key);
		});
		if (activeKeyId == null || !checked.containsKey(activeKeyId)) {
			throw new IllegalArgumentException("activeKeyId '" + activeKeyId + "' names none of the keys " + checked.keySet());
		}
		this.keys = Map.copyOf(checked);
		this.activeKeyId = activeKeyId;
		this.activeHeader = header(activeKeyId);
	}

	/**
	 * @param id a key id
	 * @throws IllegalArgumentException unless it is 1 to 64 ASCII letters, digits, '-' or '_'
	 */
	static void checkKeyId(String id) {
		if (id == null || !KEY_ID.matcher(id).matches()) {
			throw new IllegalArgumentException("key id '" + id + "' must be 1 to 64 ASCII letters, digits, '-' or '_'");
		}
	}

	private static void checkKey(String id, SecretKey key) {
		if (key == null || !"AES".equalsIgnoreCase(key.getAlgorithm())) {
			throw new IllegalArgumentException("key '" + id + "' must be an AES key");
		}
		byte[] encoded = key.getEncoded();
		if (encoded == null || encoded.length != 32) {
			throw new IllegalArgumentException("key '" + id + "' must be 256 bits long, not "
					+ ((encoded != null) ? encoded.length * 8 : 0));
		}
	}

	@Override
	public byte[] apply(EntryKey entry, byte[] value) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, this.keys.get(this.activeKeyId), nonce, 0);
			cipher.updateAAD(this.activeHeader);
			cipher.updateAAD(entry.key().getBytes(StandardCharsets.UTF_8));
			ByteBuffer envelope = ByteBuffer.allocate(this.activeHeader.length + NONCE_BYTES
					+ cipher.getOutputSize(value.length));
			envelope.put(this.activeHeader).put(nonce);
			cipher.doFinal(ByteBuffer.wrap(value), envelope);
			return envelope.array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt the value of entry '" + entry.entryId() + "': "
					+ ex.getClass().getSimpleName(), ex);
		}
	}

	@Override
	public byte[] revert(EntryKey entry, byte[] stored) {
		if (stored.length == 0 || (stored[0] & 0xff) != MAGIC) {
			return stored;
		}
		if (stored.length < 3 || (stored[1] & 0xff) != VERSION) {
			throw new IllegalArgumentException("the value starts like an encrypted value but its envelope version is "
					+ "unknown or missing");
		}
		int idLength = stored[2] & 0xff;
		int headerLength = 3 + idLength;
		if (idLength == 0 || stored.length < headerLength + NONCE_BYTES + TAG_BYTES) {
			throw new IllegalArgumentException("the value starts like an encrypted value but is too short for one");
		}
		String keyId = new String(stored, 3, idLength, StandardCharsets.US_ASCII);
		SecretKey key = this.keys.get(keyId);
		if (key == null) {
			throw new IllegalArgumentException("the value is encrypted with key id '" + keyId
					+ "', which is not among the configured keys " + this.keys.keySet().stream().sorted().toList());
		}
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, stored, headerLength);
			cipher.updateAAD(stored, 0, headerLength);
			cipher.updateAAD(entry.key().getBytes(StandardCharsets.UTF_8));
			int offset = headerLength + NONCE_BYTES;
			return cipher.doFinal(stored, offset, stored.length - offset);
		}
		catch (AEADBadTagException ex) {
			throw new IllegalArgumentException("the value does not decrypt with key id '" + keyId
					+ "': it was changed, copied from another key, or encrypted with another key under the same id");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("the value cannot be decrypted (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private static Cipher cipher(int mode, SecretKey key, byte[] nonce, int offset) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance(TRANSFORMATION);
		cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce, offset, NONCE_BYTES));
		return cipher;
	}

	private static byte[] header(String keyId) {
		byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
		byte[] header = new byte[3 + id.length];
		header[0] = (byte) MAGIC;
		header[1] = VERSION;
		header[2] = (byte) id.length;
		System.arraycopy(id, 0, header, 3, id.length);
		return header;
	}

	/** Names the key ids, never the keys. */
	@Override
	public String toString() {
		return "AES-256-GCM encryption [activeKeyId=" + this.activeKeyId + ", keyIds="
				+ this.keys.keySet().stream().sorted().toList() + "]";
	}

}

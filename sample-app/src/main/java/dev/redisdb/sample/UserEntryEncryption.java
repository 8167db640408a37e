package dev.redisdb.sample;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import dev.redisdb.EntryKey;
import dev.redisdb.ValueCodec;
import dev.redisdb.ValueTransform;

import org.springframework.util.Assert;

/**
 * AES-256-GCM for the JSON of an entry, added to the codec with {@code ValueCodec.json().andThen(...)}. An encrypted
 * value is the base64 of a random 12-byte nonce followed by the ciphertext and its 16-byte tag, so a changed value or
 * another key is detected, never decrypted to garbage.
 */
final class UserEntryEncryption implements ValueTransform {

	static final String ENCRYPTED_ENTRY = "user";

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();

	private final SecretKey key;

	UserEntryEncryption(SecretKey key) {
		Assert.notNull(key, "key must not be null");
		Assert.isTrue("AES".equals(key.getAlgorithm()) && key.getEncoded().length == 32, "key must be a 256-bit AES key");
		this.key = key;
	}

	/** @return the codec of the sample: Jovo's JSON, the {@code user} entry encrypted */
	ValueCodec codec() {
		return ValueCodec.json().andThen(onlyFor(ENCRYPTED_ENTRY));
	}

	@Override
	public byte[] apply(EntryKey entry, byte[] json) {
		return encrypt(json);
	}

	@Override
	public byte[] revert(EntryKey entry, byte[] stored) {
		return decrypt(new String(stored, StandardCharsets.US_ASCII));
	}

	private byte[] encrypt(byte[] plaintext) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			byte[] ciphertext = cipher(Cipher.ENCRYPT_MODE, nonce).doFinal(plaintext);
			return Base64.getEncoder()
				.encode(ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce).put(ciphertext).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	private byte[] decrypt(String value) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("the value is not base64, so it is not encrypted by this codec "
					+ "(was it written before encryption was turned on?)");
		}
		if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
			throw new IllegalArgumentException("the value is too short to be AES-GCM ciphertext");
		}
		try {
			return cipher(Cipher.DECRYPT_MODE, bytes).doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
		}
		catch (AEADBadTagException ex) {
			throw new IllegalArgumentException("the value cannot be decrypted: it was encrypted with another key "
					+ "(check sample.encryption-key) or it has been changed");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM decryption failed", ex);
		}
	}

	/** @param nonce the nonce, in the first {@value #NONCE_BYTES} bytes */
	private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance(TRANSFORMATION);
		cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, nonce, 0, NONCE_BYTES));
		return cipher;
	}

}

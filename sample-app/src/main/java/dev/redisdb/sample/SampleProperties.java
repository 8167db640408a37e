package dev.redisdb.sample;

import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the sample app, bound from {@code sample.*}.
 *
 * @param encryptionKey Base64 of the 256-bit AES key that encrypts the stored user entry; in production set it
 * through the environment variable {@code SAMPLE_ENCRYPTION_KEY}, e.g. from {@code openssl rand -base64 32}.
 */
@ConfigurationProperties("sample")
public record SampleProperties(String encryptionKey) {

	private static final String PROPERTY = "sample.encryption-key";

	/**
	 * @return the encryption key
	 * @throws IllegalStateException naming the property when the key is missing, not base64 or not 256 bits
	 */
	SecretKey encryptionSecretKey() {
		if (this.encryptionKey == null || this.encryptionKey.isBlank()) {
			throw invalid("is not set");
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(this.encryptionKey.strip());
		}
		catch (IllegalArgumentException ex) {
			throw invalid("is not base64");
		}
		if (key.length != 32) {
			throw invalid("is " + key.length * 8 + " bits long, AES-256 needs exactly 256 bits (32 bytes)");
		}
		return new SecretKeySpec(key, "AES");
	}

	private static IllegalStateException invalid(String problem) {
		return new IllegalStateException(PROPERTY + " " + problem + ": set it (or the environment variable "
				+ "SAMPLE_ENCRYPTION_KEY) to the base64 of a 256-bit key, e.g. the output of 'openssl rand -base64 32'");
	}

}

package dev.redisdb;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import javax.crypto.SecretKey;

import org.springframework.util.unit.DataSize;

/**
 * A reversible change of an entry's stored bytes, applied after a {@link ValueCodec} encodes and undone before it
 * decodes: compression, encryption. Add one with {@link ValueCodec#andThen}; built-in ones are {@link #compression}
 * and {@link #encryption}.
 *
 * @since 0.2.0
 */
public interface ValueTransform {

	/**
	 * @param entry the entry being written and its key
	 * @param value the encoded value
	 * @return the bytes to store
	 */
	byte[] apply(EntryKey entry, byte[] value);

	/**
	 * @param entry the entry being read and its key
	 * @param stored the stored bytes
	 * @return the encoded value as {@link #apply} was given it
	 * @throws IllegalArgumentException when the bytes cannot be reverted; the message does not quote them
	 */
	byte[] revert(EntryKey entry, byte[] stored);

	/**
	 * @param entryIds the entries to transform
	 * @return this transform for those entries; the others pass unchanged
	 */
	default ValueTransform onlyFor(String... entryIds) {
		return new EntryFilteringTransform(this, Set.copyOf(Arrays.asList(entryIds)));
	}

	/**
	 * A transform from two functions, which may throw checked exceptions (as {@code javax.crypto} does): a failure
	 * to apply becomes an {@link IllegalStateException}, a failure to revert an {@link IllegalArgumentException},
	 * which the store reports as undecodable data naming key and entry.
	 * @param apply applied to what the codec encoded
	 * @param revert undoes {@code apply}
	 * @return the transform
	 */
	static ValueTransform of(Step apply, Step revert) {
		return new FunctionValueTransform(apply, revert);
	}

	/**
	 * Gzip for values of at least {@code threshold} bytes; smaller values stay as they are (and readable by Jovo).
	 * Reverting recognises gzip by its magic bytes, which JSON never starts with, so values written before
	 * compression was turned on, or below the threshold, still load.
	 * @param threshold the smallest value that is compressed
	 * @return the transform
	 */
	static ValueTransform compression(DataSize threshold) {
		return new GzipCompression(threshold);
	}

	/**
	 * Authenticated encryption, AES-256-GCM, with key rotation. Every value is encrypted with the active key and a
	 * random 96-bit nonce into a versioned envelope that names the key id; a value under any of the given key ids
	 * decrypts, so a new active key takes over without downtime: old values stay readable and are re-encrypted with
	 * the active key when next saved. The Redis key ({@link EntryKey#key()}) is authenticated with the value, so a
	 * value copied to another user's key, changed, or encrypted with another key under the same id fails to revert
	 * with an {@link IllegalArgumentException} naming the key id (never a key or the value). A stored value that is no
	 * envelope (such as plain JSON written before encryption was turned on) is passed on unchanged, and encrypted on
	 * its next save. Add it after compression: encrypted bytes do not compress.
	 * <p>
	 * Envelope: {@code 0xA5, 0x01, n, key id (n ASCII bytes), nonce (12 bytes), ciphertext and 16-byte tag}; the
	 * associated data is the envelope's first {@code 3 + n} bytes followed by the UTF-8 bytes of the Redis key.
	 * {@code 0xA5} starts neither JSON (nor any UTF-8 text) nor gzip.
	 * @param keys the keys by id: 256-bit AES keys; ids of 1 to 64 ASCII letters, digits, '-' or '_'
	 * @param activeKeyId the id of the key that encrypts
	 * @return the transform; its {@code toString()} names the key ids only
	 * @throws IllegalArgumentException when there is no key, a key is not a 256-bit AES key, an id is malformed, or
	 * the active key id names none of the keys
	 */
	static ValueTransform encryption(Map<String, SecretKey> keys, String activeKeyId) {
		return new AesGcmEncryption(keys, activeKeyId);
	}

	/**
	 * One direction of a transform from a function.
	 */
	@FunctionalInterface
	interface Step {

		/**
		 * @param entry the entry and its key
		 * @param value the bytes to transform
		 * @return the transformed bytes
		 * @throws Exception when they cannot be transformed
		 */
		byte[] apply(EntryKey entry, byte[] value) throws Exception;

	}

}

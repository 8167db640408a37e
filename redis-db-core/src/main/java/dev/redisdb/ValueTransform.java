package dev.redisdb;

import java.util.Arrays;
import java.util.Set;

import org.springframework.util.unit.DataSize;

/**
 * A reversible change of an entry's stored bytes, applied after a {@link ValueCodec} encodes and undone before it
 * decodes: compression, encryption. Add one with {@link ValueCodec#andThen}.
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

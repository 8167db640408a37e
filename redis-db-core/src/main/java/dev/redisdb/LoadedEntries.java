package dev.redisdb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one load read: per configured entry (same order), its key, its raw value and its decoded item, and whether a
 * context-keyed value had no owner yet. Value and item are null where the key did not exist; the item is also null
 * where an undecodable value was treated as empty.
 */
record LoadedEntries(UserKeys keys, byte[] @Nullable [] values, List<@Nullable DbItem> items, boolean[] unowned) {

	boolean isEmpty() {
		for (byte[] value : this.values) {
			if (value != null) {
				return false;
			}
		}
		return true;
	}

	/** @return SHA-1 (hex) of a raw value as loaded, {@code ""} where absent: what a guarded save expects */
	byte[] digest(int entry) {
		byte[] value = this.values[entry];
		if (value == null) {
			return new byte[0];
		}
		try {
			String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(value));
			return hex.getBytes(StandardCharsets.US_ASCII);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is part of every Java runtime", ex);
		}
	}

}

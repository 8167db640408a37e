package dev.redisdb;

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
		return RedisAccess.utf8((value != null) ? LuaScript.sha1Hex(value) : "");
	}

}

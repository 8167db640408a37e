package dev.redisdb;

import java.util.List;

/**
 * What one load read: per configured entry (same order), its key (as text and as sent), its raw value and its
 * decoded item. Value and item are null where the key did not exist; the item is also null where an undecodable
 * value was treated as empty.
 */
record LoadedEntries(String[] keyNames, byte[][] keys, byte[][] values, List<DbItem> items) {

	boolean isEmpty() {
		for (byte[] value : this.values) {
			if (value != null) {
				return false;
			}
		}
		return true;
	}

	/** @return SHA-1 (hex) of each raw value as loaded, {@code ""} where absent: what a conflict-safe save expects */
	byte[][] digests() {
		byte[][] digests = new byte[this.values.length][];
		for (int i = 0; i < this.values.length; i++) {
			digests[i] = RedisAccess.utf8((this.values[i] != null) ? LuaScript.sha1Hex(this.values[i]) : "");
		}
		return digests;
	}

}

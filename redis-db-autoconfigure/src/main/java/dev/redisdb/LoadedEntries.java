package dev.redisdb;

import java.util.List;

/**
 * What one load read: per configured entry (same order), its key, its raw value and its decoded item; value and
 * item are null where the key did not exist.
 */
record LoadedEntries(List<String> keys, List<String> values, List<DbItem> items) {

	boolean isEmpty() {
		for (String value : this.values) {
			if (value != null) {
				return false;
			}
		}
		return true;
	}

}

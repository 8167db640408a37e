package dev.redisdb;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks that make {@link StoreOptions} valid or not at all, each failure naming the option and the fix.
 */
final class StoreOptionsValidation {

	private StoreOptionsValidation() {
	}

	static void validate(String keyPrefix, String keySeparator, boolean hashTag, StoredElements elements,
			List<Entry> entries) {
		if (keySeparator.isEmpty()) {
			throw new InvalidStoreOptionException("key-separator", "must not be empty",
					"set it to ':' (Jovo's default) or another character");
		}
		if (entries.isEmpty()) {
			throw new InvalidStoreOptionException("entries", "is empty",
					"configure at least one entry, or none at all for Jovo's default entry 'data'");
		}
		validateEntries(entries, keySeparator);
		validateSession(elements.session());
		validateHistory(elements.history());
		validateEveryEnabledElementIsStored(elements, entries);
		if (hashTag) {
			// Redis hashes a key by its first {...}: braces before the user's tag would take its place.
			rejectBraces("key-prefix", keyPrefix);
			rejectBraces("key-separator", keySeparator);
			for (int i = 0; i < entries.size(); i++) {
				rejectBraces("entries[" + i + "].id", entries.get(i).id());
			}
		}
	}

	static void positive(String option, long value, String defaultValue) {
		if (value < 1) {
			throw new InvalidStoreOptionException(option, "is " + value,
					"use a positive value (default " + defaultValue + ")");
		}
	}

	private static void validateEntries(List<Entry> entries, String separator) {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < entries.size(); i++) {
			Entry entry = entries.get(i);
			String option = "entries[" + i + "]";
			if (entry.id().isBlank()) {
				throw new InvalidStoreOptionException(option + ".id", "must not be empty",
						"give each entry a unique id such as 'user'");
			}
			if (entry.id().equals(UserKeys.INDEX_ENTRY_ID)) {
				throw new InvalidStoreOptionException(option + ".id", "'" + entry.id() + "' is reserved",
						"choose another id: the store keeps a user's index of session-keyed keys under it");
			}
			if (!ids.add(entry.id())) {
				throw new InvalidStoreOptionException(option + ".id", "'" + entry.id() + "' is used by another entry",
						"entry ids must be unique");
			}
			if (entry.id().contains(separator)) {
				throw new InvalidStoreOptionException(option + ".id",
						"'" + entry.id() + "' contains the key separator '" + separator + "'",
						"choose an id without it, or another key separator");
			}
			if (entry.ttlSeconds() < 0) {
				throw new InvalidStoreOptionException(option + ".ttl-seconds", "is " + entry.ttlSeconds(),
						"use 0 for no expiry or a positive number of seconds");
			}
		}
	}

	private static void validateSession(SessionElement session) {
		if (session.expiresAfterSeconds() < 0) {
			throw new InvalidStoreOptionException("stored-elements.session.expires-after-seconds",
					"is " + session.expiresAfterSeconds(), "use a positive number of seconds (default 900)");
		}
	}

	private static void validateHistory(HistoryElement history) {
		if (history.size() < 1) {
			throw new InvalidStoreOptionException("stored-elements.history.size", "is " + history.size(),
					"keep at least 1 item (default 3)");
		}
	}

	private static void validateEveryEnabledElementIsStored(StoredElements elements, List<Entry> entries) {
		for (StoredElement element : StoredElement.values()) {
			if (elements.isEnabled(element) && entries.stream().noneMatch((entry) -> entry.holds(element))) {
				throw new InvalidStoreOptionException("stored-elements." + element.optionName(),
						"is enabled but no entry stores it, so its data would be lost",
						"set '" + element.optionName() + ": true' on one of the entries, or disable the element");
			}
		}
	}

	private static void rejectBraces(String option, String value) {
		if (value.indexOf('{') >= 0 || value.indexOf('}') >= 0) {
			throw new InvalidStoreOptionException(option, "'" + value + "' contains '{' or '}', which hash-tag "
					+ "needs for the user id alone (Redis Cluster would hash the key by these braces)",
					"remove them, or turn hash-tag off");
		}
	}

}

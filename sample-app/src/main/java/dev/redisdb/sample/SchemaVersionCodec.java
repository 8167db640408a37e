package dev.redisdb.sample;

import java.util.Map;

import dev.redisdb.DbItem;
import dev.redisdb.EntryKey;
import dev.redisdb.ValueCodec;

/**
 * The sample's {@link ValueCodec} bean (Jovo's {@code onEncodeValue} and {@code onDecodeValue}): Jovo's JSON, with
 * the version of the skill's data in the user entry, so that a later release can tell old values from new and
 * migrate them as it reads them. Only the user entry carries it: it lives for good, while sessions and history expire
 * after 20 minutes. Version 1 values, written before the version was recorded, counted visits under {@code count}:
 * they are read as version 2, with {@code visits}, and written back as version 2 on the next save.
 * <p>
 * Declared as a bean, it is the base of the store's codec: the encryption configured under
 * {@code jovo.redis.encryption} still applies to the user entry, on top of what this encodes.
 */
final class SchemaVersionCodec implements ValueCodec {

	static final String VERSION_FIELD = "schemaVersion";

	static final int CURRENT_VERSION = 2;

	private static final ValueCodec JSON = ValueCodec.json();

	@Override
	public byte[] encode(EntryKey entry, DbItem item) {
		if (isVersioned(entry)) {
			item.otherFields().put(VERSION_FIELD, CURRENT_VERSION);
		}
		return JSON.encode(entry, item);
	}

	@Override
	public DbItem decode(EntryKey entry, byte[] value) {
		DbItem item = JSON.decode(entry, value);
		if (isVersioned(entry) && item.otherFields().remove(VERSION_FIELD) == null && item.getUser() != null) {
			migrateFromVersion1(item.getUser().data());
		}
		return item;
	}

	private static void migrateFromVersion1(Map<String, Object> data) {
		Object count = data.remove("count");
		if (count != null) {
			data.putIfAbsent("visits", count);
		}
	}

	private static boolean isVersioned(EntryKey entry) {
		return entry.entryId().equals("user");
	}

}

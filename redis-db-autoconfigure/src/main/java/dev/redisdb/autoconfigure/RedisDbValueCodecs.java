package dev.redisdb.autoconfigure;

import java.util.List;

import dev.redisdb.StoreOptions;
import dev.redisdb.ValueCodec;
import dev.redisdb.ValueTransform;
import dev.redisdb.autoconfigure.RedisDbProperties.Compression;

/**
 * The value codec {@code jovo.redis.*} describes: Jovo's JSON, compressed where configured.
 */
final class RedisDbValueCodecs {

	private RedisDbValueCodecs() {
	}

	static ValueCodec create(RedisDbProperties properties, StoreOptions options) {
		ValueCodec codec = ValueCodec.json();
		Compression compression = properties.compression();
		if (compression.enabled()) {
			ValueTransform gzip = ValueTransform.compression(compression.threshold());
			List<String> entries = compression.entries();
			checkEntriesExist("jovo.redis.compression.entries", entries, options);
			codec = codec.andThen(entries.isEmpty() ? gzip : gzip.onlyFor(entries.toArray(String[]::new)));
		}
		return codec;
	}

	private static void checkEntriesExist(String property, List<String> entryIds, StoreOptions options) {
		List<String> known = options.entries().stream().map(dev.redisdb.Entry::id).toList();
		for (int i = 0; i < entryIds.size(); i++) {
			if (!known.contains(entryIds.get(i))) {
				throw new RedisDbConfigurationException(property + "[" + i + "]",
						"'" + entryIds.get(i) + "' names no entry", "use one of " + known);
			}
		}
	}

}

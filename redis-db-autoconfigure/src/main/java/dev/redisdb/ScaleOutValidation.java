package dev.redisdb;

import java.util.List;

/**
 * Checks the settings for Redis Cluster and TLS ({@code hash-tag}, {@code ssl-bundle}) when
 * {@link RedisDbProperties} is created.
 */
final class ScaleOutValidation {

	private ScaleOutValidation() {
	}

	static void validate(String connectionString, String keyPrefix, String keySeparator,
			List<RedisDbProperties.Entry> entries, boolean hashTag, String sslBundle) {
		if (hashTag) {
			// Redis hashes a key by the first {...} in it: braces before the user's tag would take its place.
			rejectBraces("key-prefix", keyPrefix);
			rejectBraces("key-separator", keySeparator);
			for (int i = 0; i < entries.size(); i++) {
				rejectBraces("entries[" + i + "].id", entries.get(i).id());
			}
		}
		if (sslBundle != null) {
			if (connectionString == null) {
				throw RedisDbProperties.invalid("ssl-bundle", "'" + sslBundle + "' is set but jovo.redis.connection-string "
						+ "is not: the bundle applies to that connection only; for the application's connection use "
						+ "spring.data.redis.ssl.bundle");
			}
			if (!connectionString.startsWith("rediss://") && !connectionString.startsWith("rediss-sentinel://")) {
				throw RedisDbProperties.invalid("ssl-bundle", "'" + sslBundle + "' is set but jovo.redis.connection-string '"
						+ ConnectionStrings.mask(connectionString) + "' does not use TLS: start it with rediss:// "
						+ "(or rediss-sentinel://), or remove jovo.redis.ssl-bundle");
			}
		}
	}

	private static void rejectBraces(String property, String value) {
		if (value.indexOf('{') >= 0 || value.indexOf('}') >= 0) {
			throw RedisDbProperties.invalid(property, "'" + value + "' contains '{' or '}', which jovo.redis.hash-tag "
					+ "needs for the user id alone: Redis Cluster would hash the key by these braces; remove them, or "
					+ "turn jovo.redis.hash-tag off");
		}
	}

}

package dev.redisdb.autoconfigure;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Keeps Redis secrets out of the Actuator {@code configprops} and {@code env} endpoints, also where they show values:
 * every value holding a Redis URI with credentials ({@code redis://}, {@code rediss://}, {@code redis-sentinel://},
 * {@code rediss-sentinel://}), under any name, shows its password masked; passwords under {@code spring.data.redis.}
 * and {@code jovo.redis.}, and the encryption keys {@code jovo.redis.encryption.keys.*}, are hidden. Names match in
 * every form Spring Boot binds: {@code spring.data.redis.password}, {@code SPRING_DATA_REDIS_PASSWORD},
 * {@code jovo.redis.encryption.keys[k1]}, configprops' {@code jovo.redis.connectionString}.
 */
final class RedisPasswordSanitizingFunction implements SanitizingFunction {

	@Override
	public SanitizableData apply(SanitizableData data) {
		String key = canonical(data.getKey());
		if ((key.startsWith("jovo.redis.") || key.startsWith("spring.data.redis.")) && key.endsWith("password")
				|| key.startsWith("jovo.redis.encryption.keys.") || key.equals("jovo.redis.encryption.keys")) {
			return data.withSanitizedValue();
		}
		if (data.getValue() instanceof CharSequence text) {
			String value = text.toString();
			String masked = ConnectionStrings.maskAll(value);
			if (!masked.equals(value)) {
				return data.withValue(masked);
			}
		}
		return data;
	}

	/** {@code SPRING_DATA_REDIS_PASSWORD}, {@code jovo.redis.encryption.keys[k1]} -> dotted, lower case, no dashes */
	private static String canonical(String key) {
		return key.toLowerCase(Locale.ROOT).replace('_', '.').replace('[', '.').replace("]", "").replace("-", "");
	}

}

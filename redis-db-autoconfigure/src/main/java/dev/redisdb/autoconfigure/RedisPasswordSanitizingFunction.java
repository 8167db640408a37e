package dev.redisdb.autoconfigure;

import java.util.Set;

import dev.redisdb.RedisDbProperties;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Keeps Redis passwords out of the Actuator {@code configprops} and {@code env} endpoints, also where they show
 * values: the password inside {@code jovo.redis.connection-string} and {@code spring.data.redis.url} is masked, and
 * {@code spring.data.redis.password} is hidden.
 */
final class RedisPasswordSanitizingFunction implements SanitizingFunction {

	private static final Set<String> URI_KEYS = Set.of("connectionstring", "connection-string",
			"jovo.redis.connection-string", "spring.data.redis.url");

	private static final Set<String> PASSWORD_KEYS = Set.of("spring.data.redis.password",
			"spring.data.redis.sentinel.password");

	@Override
	public SanitizableData apply(SanitizableData data) {
		String key = data.getLowerCaseKey();
		if (PASSWORD_KEYS.contains(key)) {
			return data.withSanitizedValue();
		}
		if ((URI_KEYS.contains(key) || isUrlOfRedisProperties(data)) && data.getValue() instanceof String uri) {
			return data.withValue(RedisDbProperties.maskPassword(uri));
		}
		if (key.equals("password") && data.getValue() != null) {
			return data.withSanitizedValue();
		}
		return data;
	}

	private static boolean isUrlOfRedisProperties(SanitizableData data) {
		return data.getLowerCaseKey().equals("url") && data.getValue() instanceof String value
				&& (value.startsWith("redis://") || value.startsWith("rediss://"));
	}

}

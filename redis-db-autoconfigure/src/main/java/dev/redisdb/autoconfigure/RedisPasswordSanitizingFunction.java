package dev.redisdb.autoconfigure;


import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Keeps Redis passwords out of the Actuator {@code configprops} and {@code env} endpoints, also where they show
 * values: the password inside {@code jovo.redis.connection-string} and {@code spring.data.redis.url} is masked, and
 * {@code spring.data.redis.password} (and the Sentinel one) hidden.
 */
final class RedisPasswordSanitizingFunction implements SanitizingFunction {

	@Override
	public SanitizableData apply(SanitizableData data) {
		String key = data.getLowerCaseKey();
		if (!key.startsWith("jovo.redis.") && !key.startsWith("spring.data.redis.")) {
			return data;
		}
		if (key.endsWith("password")) {
			return data.withSanitizedValue();
		}
		if ((key.endsWith("connectionstring") || key.endsWith("connection-string") || key.endsWith(".url"))
				&& data.getValue() instanceof String uri) {
			return data.withValue(ConnectionStrings.mask(uri));
		}
		return data;
	}

}

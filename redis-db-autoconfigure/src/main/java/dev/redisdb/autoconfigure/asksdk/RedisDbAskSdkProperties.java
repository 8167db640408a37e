package dev.redisdb.autoconfigure.asksdk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the ASK SDK persistence adapter, bound from {@code jovo.redis.ask-sdk.*}.
 *
 * @param id Which id of the request envelope persistent attributes are stored under: 'user'
 * (context.System.user.userId) or 'device' (context.System.device.deviceId); a bean of type Function<RequestEnvelope,
 * String> replaces it.
 * @since 0.2.0
 */
@ConfigurationProperties("jovo.redis.ask-sdk")
public record RedisDbAskSdkProperties(@DefaultValue("user") Id id) {

	/** Which id of the request envelope persistent attributes are stored under. */
	public enum Id {

		/** {@code context.System.user.userId}. */
		USER,

		/** {@code context.System.device.deviceId}. */
		DEVICE

	}

}

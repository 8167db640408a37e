package dev.redisdb.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Lettuce logs the raw bytes it sends and receives at TRACE ({@code io.lettuce.core.protocol}): the {@code AUTH}
 * password and every stored value. Where that level is on, this caps it at DEBUG and says so, unless
 * {@code jovo.redis.log-redis-traffic} allows it.
 */
final class LettuceTrafficLogGuard implements SmartInitializingSingleton {

	static final String PROTOCOL_LOGGER = "io.lettuce.core.protocol";

	private static final Log logger = LogFactory.getLog(LettuceTrafficLogGuard.class);

	@Override
	public void afterSingletonsInstantiated() {
		try {
			capProtocolLogger(LoggingSystem.get(getClass().getClassLoader()));
		}
		catch (IllegalStateException ex) {
			// No logging system Spring Boot can steer (slf4j-simple, or two bindings at once): not ours to cap.
			logger.debug("Cannot check the level of " + PROTOCOL_LOGGER + ": " + ex.getMessage());
		}
	}

	private static void capProtocolLogger(LoggingSystem loggingSystem) {
		LoggerConfiguration configuration = loggingSystem.getLoggerConfiguration(PROTOCOL_LOGGER);
		if (configuration != null && configuration.getEffectiveLevel() == LogLevel.TRACE) {
			loggingSystem.setLogLevel(PROTOCOL_LOGGER, LogLevel.DEBUG);
			logger.warn("Logger " + PROTOCOL_LOGGER + " capped at DEBUG: at TRACE it prints raw Redis traffic, "
					+ "passwords and user data included. Set jovo.redis.log-redis-traffic=true to allow it.");
		}
	}

}

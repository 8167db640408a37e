package dev.redisdb.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.util.ClassUtils;

/**
 * Lettuce's protocol loggers ({@code io.lettuce.core.protocol}) print the raw bytes sent and received at TRACE (the
 * {@code HELLO}/{@code AUTH} password, every stored value) and commands with their replies at DEBUG. Unless
 * {@code jovo.redis.log-redis-traffic} allows it, this suppresses their DEBUG and TRACE output in the logging system
 * itself, from before any bean is created until the context closes: whatever level is set (properties, environment,
 * a logging configuration file, {@code /actuator/loggers} at runtime) and whenever Lettuce checks it, on every
 * connection in the JVM. With Logback that is a {@code TurboFilter}, with Log4j 2 a configuration filter; with another
 * logging system the level of {@code io.lettuce.core.protocol} is set to INFO at startup, which a later change of
 * level undoes.
 */
final class LettuceTrafficLogGuard implements BeanFactoryPostProcessor, DisposableBean {

	static final String PROTOCOL_LOGGERS = "io.lettuce.core.protocol";

	static final String WARNING = "Lettuce's " + PROTOCOL_LOGGERS + " loggers print raw Redis traffic, passwords "
			+ "and stored user data included: their DEBUG and TRACE output is suppressed. Set "
			+ "jovo.redis.log-redis-traffic=true to allow it.";

	private static final Log logger = LogFactory.getLog(LettuceTrafficLogGuard.class);

	private static final boolean LOGBACK = ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext",
			LettuceTrafficLogGuard.class.getClassLoader());

	private static final boolean LOG4J2 = ClassUtils.isPresent("org.apache.logging.log4j.core.LoggerContext",
			LettuceTrafficLogGuard.class.getClassLoader());

	private @Nullable Runnable removal;

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (this.removal == null) {
			this.removal = install();
		}
	}

	@Override
	public void destroy() {
		if (this.removal != null) {
			this.removal.run();
			this.removal = null;
		}
	}

	static boolean isProtocolLogger(String name) {
		return name.startsWith(PROTOCOL_LOGGERS)
				&& (name.length() == PROTOCOL_LOGGERS.length() || name.charAt(PROTOCOL_LOGGERS.length()) == '.');
	}

	static void warn() {
		logger.warn(WARNING);
	}

	private static Runnable install() {
		if (LOGBACK && LogbackTrafficFilter.isActiveLoggingSystem()) {
			return LogbackTrafficFilter.install();
		}
		if (LOG4J2 && Log4j2TrafficFilter.isActiveLoggingSystem()) {
			return Log4j2TrafficFilter.install();
		}
		return capLevel();
	}

	private static Runnable capLevel() {
		try {
			LoggingSystem.get(LettuceTrafficLogGuard.class.getClassLoader()).setLogLevel(PROTOCOL_LOGGERS, LogLevel.INFO);
			logger.warn(WARNING + " (This logging system is neither Logback nor Log4j 2: the level of " + PROTOCOL_LOGGERS
					+ " was set to INFO, and raising it again brings the traffic back.)");
		}
		catch (IllegalStateException ex) {
			// No logging system Spring Boot can steer (slf4j-simple, or two bindings at once): not ours to cap.
			logger.warn("Cannot keep Redis traffic out of the logs, as no logging system Spring Boot can steer was found ("
					+ ex.getMessage() + "): do not set " + PROTOCOL_LOGGERS + " to DEBUG or TRACE.");
		}
		return () -> {
		};
	}

}

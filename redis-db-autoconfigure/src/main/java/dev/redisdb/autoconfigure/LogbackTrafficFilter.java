package dev.redisdb.autoconfigure;

import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Denies DEBUG and TRACE of Lettuce's protocol loggers in Logback, before Logback looks at their level: a
 * {@code TurboFilter} answers both the level checks Lettuce makes when it creates a connection and every logging
 * call. One filter serves the whole JVM while any application context that wants it is open; it puts itself back
 * when Logback is reset (reconfigured), and warns once, the first time it suppresses something that would otherwise
 * have been logged.
 */
final class LogbackTrafficFilter extends TurboFilter implements LoggerContextListener {

	private static LogbackTrafficFilter installed;

	private static int users;

	private final LoggerContext context;

	private final AtomicBoolean warned = new AtomicBoolean();

	private LogbackTrafficFilter(LoggerContext context) {
		this.context = context;
		setName("redis-db Lettuce traffic guard");
	}

	static boolean isActiveLoggingSystem() {
		return LoggerFactory.getILoggerFactory() instanceof LoggerContext;
	}

	/** @return what removes this use of the filter again */
	static synchronized Runnable install() {
		if (installed == null) {
			LogbackTrafficFilter filter = new LogbackTrafficFilter((LoggerContext) LoggerFactory.getILoggerFactory());
			filter.addTo();
			filter.context.addListener(filter);
			installed = filter;
		}
		users++;
		return LogbackTrafficFilter::release;
	}

	private static synchronized void release() {
		if (--users == 0) {
			installed.context.removeListener(installed);
			installed.context.getTurboFilterList().remove(installed);
			installed.stop();
			installed = null;
		}
	}

	private void addTo() {
		setContext(this.context);
		start();
		if (!this.context.getTurboFilterList().contains(this)) {
			this.context.addTurboFilter(this);
		}
	}

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
		if (level == null || level.levelInt >= Level.INFO_INT || !LettuceTrafficLogGuard.isProtocolLogger(logger.getName())) {
			return FilterReply.NEUTRAL;
		}
		if (logger.getEffectiveLevel().levelInt <= level.levelInt && this.warned.compareAndSet(false, true)) {
			LettuceTrafficLogGuard.warn();
		}
		return FilterReply.DENY;
	}

	@Override
	public boolean isResetResistant() {
		return true;
	}

	@Override
	public void onReset(LoggerContext context) {
		addTo();
	}

	@Override
	public void onStart(LoggerContext context) {
	}

	@Override
	public void onStop(LoggerContext context) {
	}

	@Override
	public void onLevelChange(Logger logger, Level level) {
	}

}

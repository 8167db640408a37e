package dev.redisdb.autoconfigure;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.apache.logging.log4j.message.Message;

/**
 * Denies DEBUG and TRACE of Lettuce's protocol loggers in Log4j 2: a filter on the configuration, which Log4j
 * consults before the level, both for the level checks Lettuce makes when it creates a connection and for every
 * logging call. One filter serves the whole JVM while any application context that wants it is open; it moves to
 * every new configuration (a reconfiguration replaces the old one) and warns once, the first time it suppresses
 * something that would otherwise have been logged.
 */
final class Log4j2TrafficFilter extends AbstractFilter implements PropertyChangeListener {

	private static Log4j2TrafficFilter installed;

	private static int users;

	private final LoggerContext context;

	private final AtomicBoolean warned = new AtomicBoolean();

	private Log4j2TrafficFilter(LoggerContext context) {
		super(Result.DENY, Result.NEUTRAL);
		this.context = context;
	}

	static boolean isActiveLoggingSystem() {
		return LogManager.getContext(false) instanceof LoggerContext;
	}

	/** @return what removes this use of the filter again */
	static synchronized Runnable install() {
		if (installed == null) {
			Log4j2TrafficFilter filter = new Log4j2TrafficFilter((LoggerContext) LogManager.getContext(false));
			filter.start();
			filter.addTo(filter.context.getConfiguration());
			filter.context.addPropertyChangeListener(filter);
			installed = filter;
		}
		users++;
		return Log4j2TrafficFilter::release;
	}

	private static synchronized void release() {
		if (--users == 0) {
			installed.context.removePropertyChangeListener(installed);
			installed.context.getConfiguration().removeFilter(installed);
			installed.stop();
			installed = null;
		}
	}

	private void addTo(Configuration configuration) {
		configuration.removeFilter(this);
		configuration.addFilter(this);
	}

	@Override
	public void propertyChange(PropertyChangeEvent event) {
		if (LoggerContext.PROPERTY_CONFIG.equals(event.getPropertyName())
				&& event.getNewValue() instanceof Configuration configuration) {
			addTo(configuration);
		}
	}

	private Result decide(String loggerName, Level level, Level effectiveLevel) {
		if (level == null || !level.isLessSpecificThan(Level.DEBUG) || !LettuceTrafficLogGuard.isProtocolLogger(loggerName)) {
			return Result.NEUTRAL;
		}
		if (effectiveLevel != null && effectiveLevel.isLessSpecificThan(level) && this.warned.compareAndSet(false, true)) {
			LettuceTrafficLogGuard.warn();
		}
		return Result.DENY;
	}

	private Result decide(Logger logger, Level level) {
		return decide(logger.getName(), level, logger.getLevel());
	}

	@Override
	public Result filter(LogEvent event) {
		return decide(event.getLoggerName(), event.getLevel(), null);
	}

	@Override
	public Result filter(Logger logger, Level level, Marker marker, Message msg, Throwable t) {
		return decide(logger, level);
	}

	@Override
	public Result filter(Logger logger, Level level, Marker marker, Object msg, Throwable t) {
		return decide(logger, level);
	}

	@Override
	public Result filter(Logger logger, Level level, Marker marker, String msg) {
		return decide(logger, level);
	}

	@Override
	public Result filter(Logger logger, Level level, Marker marker, String msg, Object... params) {
		return decide(logger, level);
	}

	@Override
	public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0) {
		return decide(logger, level);
	}

	@Override
	public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1) {
		return decide(logger, level);
	}

	@Override
	public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2) {
		return decide(logger, level);
	}

	@Override
	public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
			Object p3) {
		return decide(logger, level);
	}

	@Override
	public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
			Object p3, Object p4) {
		return decide(logger, level);
	}

	@Override
	public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
			Object p3, Object p4, Object p5) {
		return decide(logger, level);
	}

	@Override
	public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
			Object p3, Object p4, Object p5, Object p6) {
		return decide(logger, level);
	}

	@Override
	public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
			Object p3, Object p4, Object p5, Object p6, Object p7) {
		return decide(logger, level);
	}

	@Override
	public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
			Object p3, Object p4, Object p5, Object p6, Object p7, Object p8) {
		return decide(logger, level);
	}

	@Override
	public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
			Object p3, Object p4, Object p5, Object p6, Object p7, Object p8, Object p9) {
		return decide(logger, level);
	}

	@Override
	public String toString() {
		return "redis-db Lettuce traffic guard";
	}

}

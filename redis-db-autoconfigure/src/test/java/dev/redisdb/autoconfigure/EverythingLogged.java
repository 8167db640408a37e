package dev.redisdb.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.LoggerFactory;

/**
 * The root logger at TRACE, every event written, stack traces included, to memory instead of the console: a test
 * can search all that was logged without filling the build's output. {@link #close()} puts the console back.
 */
final class EverythingLogged implements AutoCloseable {

	private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

	private final Level rootLevel = this.root.getLevel();

	private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();

	private final ByteArrayOutputStream written = new ByteArrayOutputStream();

	private final OutputStreamAppender<ILoggingEvent> memory = new OutputStreamAppender<>();

	EverythingLogged() {
		LoggerContext context = this.root.getLoggerContext();
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(context);
		encoder.setPattern("%level %logger %msg%n%ex");
		encoder.start();
		this.memory.setContext(context);
		this.memory.setEncoder(encoder);
		this.memory.setOutputStream(this.written);
		this.memory.start();
		this.root.iteratorForAppenders().forEachRemaining(this.detached::add);
		this.detached.forEach(this.root::detachAppender);
		this.root.addAppender(this.memory);
		this.root.setLevel(Level.TRACE);
	}

	/** @return everything logged so far */
	String text() {
		synchronized (this.written) {
			return this.written.toString(StandardCharsets.UTF_8);
		}
	}

	@Override
	public void close() {
		this.root.setLevel(this.rootLevel);
		this.root.detachAppender(this.memory);
		this.memory.stop();
		this.detached.forEach(this.root::addAppender);
	}

}

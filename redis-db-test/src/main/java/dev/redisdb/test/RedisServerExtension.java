package dev.redisdb.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that starts one {@link RedisServer} per test class, empties it before each test and stops it
 * (by PID) after the class. Register it as a static field:
 * <pre>{@code @RegisterExtension static final RedisServerExtension redis = new RedisServerExtension();}</pre>
 */
public final class RedisServerExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	private final String[] extraArguments;

	private RedisServer server;

	public RedisServerExtension(String... extraArguments) {
		this.extraArguments = extraArguments;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.server = RedisServer.start(this.extraArguments);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (this.server.isRunning()) {
			this.server.flushAll();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.server != null) {
			this.server.close();
		}
	}

	public RedisServer server() {
		return this.server;
	}

}

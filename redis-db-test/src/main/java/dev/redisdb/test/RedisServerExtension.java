package dev.redisdb.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that starts one {@link RedisServer} per test class, empties it before each test and stops it
 * (by PID) after the class. Register it as a static field:
 * <pre>{@code @RegisterExtension static final RedisServerExtension redis = new RedisServerExtension();}</pre>
 * {@link #server()} also starts the server when something asks for it before JUnit does, such as a
 * {@code @DynamicPropertySource} evaluated by Spring's ahead-of-time processing of tests; the server then stops when
 * the JVM exits.
 *
 * @since 0.2.0
 */
public final class RedisServerExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	private final String[] extraArguments;

	private RedisServer server;

	public RedisServerExtension(String... extraArguments) {
		this.extraArguments = extraArguments;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		server();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (this.server.isRunning()) {
			this.server.flushAll();
		}
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		if (this.server != null) {
			this.server.close();
			this.server = null;
		}
	}

	/** @return the running server, started now if it is not running yet */
	public synchronized RedisServer server() {
		if (this.server == null) {
			this.server = RedisServer.start(this.extraArguments);
		}
		return this.server;
	}

}

package dev.redisdb;

import dev.redisdb.test.RedisServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real {@code redis-server} per test class with a connection for stores on it, emptied before each test and
 * stopped (by PID) after the class: {@code @RegisterExtension static final StoreExtension redis = new StoreExtension();}
 */
final class StoreExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	private RedisServer server;

	private StoreFixture fixture;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.server = RedisServer.start();
		this.fixture = new StoreFixture(this.server);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.server.flushAll();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.fixture != null) {
			this.fixture.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	RedisServer server() {
		return this.server;
	}

	RedisUserStore store(StoreOptions options) {
		return this.fixture.store(options);
	}

	RedisUserStore store(StoreOptions options, KeyStrategy keyStrategy, ValueCodec codec) {
		return this.fixture.store(options, keyStrategy, codec);
	}

}

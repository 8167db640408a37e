package dev.redisdb;

import dev.redisdb.test.RedisServer;
import dev.redisdb.test.RedisServerExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@link RedisServerExtension}'s server (one per test class, emptied before each test, stopped by PID after the
 * class) plus a connection for stores on it:
 * {@code @RegisterExtension static final StoreExtension redis = new StoreExtension();}
 */
final class StoreExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	private final RedisServerExtension redis = new RedisServerExtension();

	private StoreFixture fixture;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.redis.beforeAll(context);
		this.fixture = new StoreFixture(this.redis.server());
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.redis.beforeEach(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.fixture != null) {
			this.fixture.close();
		}
		this.redis.afterAll(context);
	}

	RedisServer server() {
		return this.redis.server();
	}

	RedisUserStore store(StoreOptions options) {
		return this.fixture.store(options);
	}

	RedisUserStore store(StoreOptions options, KeyStrategy keyStrategy, ValueCodec codec) {
		return this.fixture.store(options, keyStrategy, codec);
	}

}

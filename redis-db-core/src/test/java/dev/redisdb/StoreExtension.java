package dev.redisdb;

import java.util.HashMap;
import java.util.Map;

import dev.redisdb.test.RedisServer;
import dev.redisdb.test.RedisServerExtension;
import io.micrometer.observation.ObservationRegistry;
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

	/**
	 * @param before {@link RedisServer#commandCalls()} taken earlier
	 * @return the commands called since, by name, without the fixture's own ({@code info}, {@code hello},
	 * {@code client})
	 */
	Map<String, Long> callsSince(Map<String, Long> before) {
		Map<String, Long> delta = new HashMap<>();
		server().commandCalls().forEach((command, calls) -> {
			long added = calls - before.getOrDefault(command, 0L);
			boolean fixtureOwn = command.equals("info") || command.equals("hello") || command.startsWith("client");
			if (added > 0 && !fixtureOwn) {
				delta.put(command, added);
			}
		});
		return delta;
	}

	RedisUserStore store(StoreOptions options) {
		return this.fixture.store(options);
	}

	RedisUserStore store(StoreOptions options, KeyStrategy keyStrategy, ValueCodec codec) {
		return this.fixture.store(options, keyStrategy, codec);
	}

	RedisUserStore store(StoreOptions options, KeyStrategy keyStrategy, ValueCodec codec,
			ObservationRegistry observationRegistry) {
		return new RedisUserStore(RedisUserStore.template(this.fixture.connectionFactory()), options, keyStrategy, codec,
				observationRegistry);
	}

}

package dev.redisdb;

import java.util.HashMap;
import java.util.Map;

import dev.redisdb.test.RedisServer;
import io.micrometer.observation.ObservationRegistry;
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

	/**
	 * @param before {@link RedisServer#commandCalls()} taken earlier
	 * @return the commands called since, by name, without the fixture's own ({@code info}, {@code hello},
	 * {@code client})
	 */
	Map<String, Long> callsSince(Map<String, Long> before) {
		Map<String, Long> delta = new HashMap<>();
		this.server.commandCalls().forEach((command, calls) -> {
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
		return new RedisUserStore(this.fixture.connectionFactory(), options, keyStrategy, codec, observationRegistry);
	}

}

package dev.redisdb;

import dev.redisdb.test.RedisServer;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Stores on one Lettuce connection factory to a test server, closed with the fixture.
 */
public final class StoreFixture implements AutoCloseable {

	private final LettuceConnectionFactory connectionFactory;

	public StoreFixture(RedisServer server) {
		this(new LettuceConnectionFactory(server.host(), server.port()));
	}

	public StoreFixture(LettuceConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
	}

	public RedisUserStore store(StoreOptions options) {
		return store(options, KeyStrategy.jovo(), ValueCodec.json());
	}

	public RedisUserStore store(StoreOptions options, KeyStrategy keyStrategy, ValueCodec codec) {
		return new RedisUserStore(this.connectionFactory, options, keyStrategy, codec);
	}

	public LettuceConnectionFactory connectionFactory() {
		return this.connectionFactory;
	}

	@Override
	public void close() {
		this.connectionFactory.destroy();
	}

}

package dev.redisdb;

import dev.redisdb.test.RedisServer;

import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Stores on one Lettuce connection factory to a test server, closed with the fixture.
 */
public final class StoreFixture implements AutoCloseable {

	private final LettuceConnectionFactory connectionFactory;

	public StoreFixture(RedisServer server) {
		this(connectionFactory(new RedisStandaloneConfiguration(server.host(), server.port())));
	}

	/** @return a factory whose commands time out as the store's do by default */
	public static LettuceConnectionFactory connectionFactory(RedisConfiguration configuration) {
		return new LettuceConnectionFactory(configuration,
				LettuceClientConfiguration.builder().commandTimeout(StoreOptions.defaults().timeout()).build());
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
		return new RedisUserStore(RedisUserStore.template(this.connectionFactory), options, keyStrategy, codec);
	}

	public LettuceConnectionFactory connectionFactory() {
		return this.connectionFactory;
	}

	@Override
	public void close() {
		this.connectionFactory.destroy();
	}

}

package dev.redisdb;

import dev.redisdb.testsupport.RedisServer;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A {@link RedisUserStore} on its own Lettuce connection to a test server, closed with the fixture.
 */
final class StoreFixture implements AutoCloseable {

	private final LettuceConnectionFactory connectionFactory;

	private final StringRedisTemplate template;

	StoreFixture(RedisServer server) {
		this.connectionFactory = new LettuceConnectionFactory(server.host(), server.port());
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		this.template = new StringRedisTemplate(this.connectionFactory);
	}

	RedisUserStore store(RedisDbProperties properties) {
		return store(properties, KeyStrategy.jovo(), ValueCodec.json());
	}

	RedisUserStore store(RedisDbProperties properties, KeyStrategy keyStrategy, ValueCodec codec) {
		return new RedisUserStore(this.template, properties, keyStrategy, codec);
	}

	StringRedisTemplate template() {
		return this.template;
	}

	@Override
	public void close() {
		this.connectionFactory.destroy();
	}

}

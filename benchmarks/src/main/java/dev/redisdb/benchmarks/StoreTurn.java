package dev.redisdb.benchmarks;

import java.util.List;
import java.util.Map;

import dev.redisdb.KeyStrategy;
import dev.redisdb.RedisDbProperties;
import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredUser;
import dev.redisdb.ValueCodec;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** A turn through {@link RedisUserStore}, over a {@link StringRedisTemplate} on a shared Lettuce connection. */
final class StoreTurn implements Turn {

	private static final List<Map<String, String>> OUTPUT = List.of(Map.of("message", "Hi"));

	private final LettuceConnectionFactory connectionFactory;

	private final RedisUserStore store;

	private final boolean withSessionAndHistory;

	StoreTurn(int port, StoreConfig config) {
		this.connectionFactory = new LettuceConnectionFactory(RedisServerProcess.HOST, port);
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		this.store = newStore(new StringRedisTemplate(this.connectionFactory), config.properties());
		this.withSessionAndHistory = config.hasSessionAndHistory();
	}

	/** The one place that builds the store under test: adapt it here when the store's constructor changes. */
	static RedisUserStore newStore(StringRedisTemplate template, RedisDbProperties properties) {
		return new RedisUserStore(template, properties, KeyStrategy.jovo(), ValueCodec.json());
	}

	@Override
	public int run(String userId, String intent) {
		StoredUser user = this.store.load(userId);
		int visits = ((Number) user.data().getOrDefault("visits", 0)).intValue() + 1;
		user.data().put("visits", visits);
		user.data().put("lastIntent", intent);
		if (this.withSessionAndHistory) {
			user.session().data().put("step", visits);
			user.currentTurn().put("output", OUTPUT);
		}
		this.store.save(user);
		return visits;
	}

	@Override
	public void close() {
		this.connectionFactory.destroy();
	}

}

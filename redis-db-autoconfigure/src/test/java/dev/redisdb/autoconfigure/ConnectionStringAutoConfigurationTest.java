package dev.redisdb.autoconfigure;

import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredUser;
import dev.redisdb.testsupport.RedisServer;
import dev.redisdb.testsupport.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jovo.redis.connection-string} beside the application's own Spring Data Redis connection.
 */
class ConnectionStringAutoConfigurationTest {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class));

	@Test
	void storeUsesTheConnectionStringWhenTheApplicationAlsoHasRedis() {
		this.contextRunner
			.withPropertyValues("jovo.redis.connection-string=" + redis.server().uri(),
					"spring.data.redis.url=redis://127.0.0.1:" + RedisServer.freePort())
			.run((context) -> {
				StringRedisTemplate template = context.getBean(RedisDbAutoConfiguration.TEMPLATE_BEAN_NAME,
						StringRedisTemplate.class);
				assertThat(template.getConnectionFactory())
					.isSameAs(context.getBean(RedisDbAutoConfiguration.CONNECTION_FACTORY_BEAN_NAME));
				RedisUserStore store = context.getBean(RedisUserStore.class);
				StoredUser user = store.load("U1");
				user.data().put("visits", 1);
				store.save(user);

				String stored = redis.server().call((commands) -> commands.get("data:U1"));
				assertThat(stored).contains("\"visits\":1");
			});
	}

}

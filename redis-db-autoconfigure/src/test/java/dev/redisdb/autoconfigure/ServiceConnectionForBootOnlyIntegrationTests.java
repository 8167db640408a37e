package dev.redisdb.autoconfigure;

import com.redis.testcontainers.RedisContainer;
import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredUser;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @ServiceConnection(type = DataRedisConnectionDetails.class)}: only Spring Boot's connection goes to the
 * container, and the store stays on the application's Redis, through the connection it derives from Boot's, as in an
 * application without {@code jovo.redis.connection-string}.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = "spring.main.banner-mode=off")
@DirtiesContext
class ServiceConnectionForBootOnlyIntegrationTests {

	@Container
	@ServiceConnection(type = DataRedisConnectionDetails.class)
	static final RedisContainer redis = new RedisContainer(TestRedisImage.get());

	@Autowired
	private ApplicationContext context;

	@Autowired
	private RedisUserStore store;

	@Autowired
	private StringRedisTemplate bootTemplate;

	@Test
	void storeStaysOnTheApplicationsConnection() {
		StoredUser user = this.store.load("U1");
		user.data().put("visits", 1);
		this.store.save(user);

		assertThat(this.bootTemplate.opsForValue().get("data:U1")).contains("\"visits\":1");
		assertThat(this.context.getBeansOfType(RedisDbConnectionDetails.class)).isEmpty();
		LettuceConnectionFactory application = this.context.getBean(LettuceConnectionFactory.class);
		assertThat(this.context.getBean(RedisDbAutoConfiguration.TEMPLATE_BEAN_NAME, RedisTemplate.class)
			.getConnectionFactory()).isSameAs(application);
		assertThat(application.getPort()).isEqualTo(redis.getFirstMappedPort());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class })
	static class TestApplication {

	}

}

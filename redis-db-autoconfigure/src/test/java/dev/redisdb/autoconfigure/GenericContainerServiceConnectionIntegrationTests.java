package dev.redisdb.autoconfigure;

import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredUser;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @ServiceConnection} on a {@code GenericContainer} while {@code jovo.redis.connection-string} points where no
 * Redis listens: the container's connection details win, as Boot's do over {@code spring.data.redis.*}.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = { "spring.main.banner-mode=off", "jovo.redis.connection-string=redis://127.0.0.1:1" })
@DirtiesContext
class GenericContainerServiceConnectionIntegrationTests {

	// Boot picks connection details factories by the image's name; the name says "redis" for any image (CI's
	// redis-db-test/redis:7 included). With an image named redis, such as redis:7.4, it may be left out.
	@Container
	@ServiceConnection(name = "redis")
	static final GenericContainer<?> redis = new GenericContainer<>(TestRedisImage.get()).withExposedPorts(6379);

	@Autowired
	private RedisUserStore store;

	@Autowired
	private StringRedisTemplate bootTemplate;

	@Autowired
	private ApplicationContext context;

	@Test
	void containerWinsOverTheConnectionString() {
		StoredUser user = this.store.load("U1");
		user.data().put("visits", 1);
		this.store.save(user);

		assertThat(this.store.load("U1").data()).containsEntry("visits", 1);
		assertThat(this.bootTemplate.opsForValue().get("data:U1")).contains("\"visits\":1");
		assertThat(this.context.getBeansOfType(PropertiesRedisDbConnectionDetails.class)).isEmpty();
		assertThat(this.context.getBean(RedisDbConnectionDetails.class).getStandalone().getPort())
			.isEqualTo(redis.getMappedPort(6379));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class })
	static class TestApplication {

	}

}

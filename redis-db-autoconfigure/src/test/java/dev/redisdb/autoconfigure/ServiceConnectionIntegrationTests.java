package dev.redisdb.autoconfigure;

import java.util.List;

import com.redis.testcontainers.RedisContainer;
import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredUser;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.RedisClientInfo;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @ServiceConnection} on a {@code RedisContainer}, without {@code jovo.redis.connection-string}: Spring Boot's
 * connection and the store's own both go to the container. {@code @Testcontainers} comes first so that the context
 * closes (no context outlives its container) before the container stops.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = "spring.main.banner-mode=off")
@DirtiesContext
class ServiceConnectionIntegrationTests {

	@Container
	@ServiceConnection
	static final RedisContainer redis = new RedisContainer(TestRedisImage.get());

	@Autowired
	private RedisUserStore store;

	@Autowired
	private RedisDbConnectionDetails connectionDetails;

	@Autowired
	private DataRedisConnectionDetails bootConnectionDetails;

	@Autowired
	private StringRedisTemplate bootTemplate;

	@Autowired
	@Qualifier(RedisDbAutoConfiguration.TEMPLATE_BEAN_NAME)
	private RedisTemplate<String, byte[]> storeTemplate;

	@Test
	void storeKeepsItsDataInTheContainerOnItsOwnConnection() {
		StoredUser user = this.store.load("U1");
		user.data().put("visits", 1);
		this.store.save(user);

		assertThat(this.store.load("U1").data()).containsEntry("visits", 1);
		assertThat(this.bootTemplate.opsForValue().get("data:U1")).contains("\"visits\":1");
		assertThat(this.storeTemplate.getConnectionFactory()).isNotSameAs(this.bootTemplate.getConnectionFactory());
		List<RedisClientInfo> clients = this.bootTemplate
			.execute((RedisCallback<List<RedisClientInfo>>) (connection) -> connection.serverCommands().getClientList());
		assertThat(clients).as("the store's own connection, by its client name")
			.anySatisfy((client) -> assertThat(client.getName()).isEqualTo("redis-db"));
	}

	@Test
	void bothConnectionDetailsNameTheContainersMappedPort() {
		assertThat(this.connectionDetails).isNotInstanceOf(PropertiesRedisDbConnectionDetails.class);
		assertThat(this.connectionDetails.getStandalone().getHost()).isEqualTo(redis.getHost());
		assertThat(this.connectionDetails.getStandalone().getPort()).isEqualTo(redis.getMappedPort(6379));
		assertThat(this.bootConnectionDetails.getStandalone().getPort()).isEqualTo(redis.getMappedPort(6379));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class })
	static class TestApplication {

	}

}

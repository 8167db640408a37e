package dev.redisdb.sample;

// tag::container-test[]
import com.redis.testcontainers.RedisContainer;
import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredUser;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

@Testcontainers(disabledWithoutDocker = true)   // without Docker: skipped, and the report says why
@SpringBootTest
@DirtiesContext                                  // no context outlives the container it points at
class StoreOnContainerIntegrationTests {

	@Container
	@ServiceConnection   // Spring Boot's Redis connection and the store's own both go to this container
	static final RedisContainer redis = new RedisContainer(DockerImageName
		.parse(System.getenv().getOrDefault("REDIS_DB_TEST_IMAGE", "redis:7.4"))
		.asCompatibleSubstituteFor("redis"));

	@Autowired
	RedisUserStore store;

	@Test
	void remembersAUser() throws Exception {
		StoredUser user = this.store.load("amzn1.ask.account.TEST");
		user.data().put("name", "Anna");
		this.store.save(user);

		assertThat(this.store.load("amzn1.ask.account.TEST").data()).containsEntry("name", "Anna");
		assertThat(redis.execInContainer("redis-cli", "--scan").getStdout()).contains("myapp:user:");
	}

}
// end::container-test[]

package dev.redisdb.sample;

// tag::process-test[]
import java.util.List;

import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredUser;
import dev.redisdb.test.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@DirtiesContext   // no context outlives the server it points at
class StoreOnRedisServerIntegrationTests {

	@RegisterExtension   // a redis-server process on a free port for this class, emptied before each test
	static final RedisServerExtension redis = new RedisServerExtension();

	@DynamicPropertySource
	static void redisProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", () -> redis.server().uri());   // or jovo.redis.connection-string
	}

	@Autowired
	RedisUserStore store;

	@Test
	void remembersAUser() {
		StoredUser user = this.store.load("amzn1.ask.account.TEST");
		user.data().put("name", "Anna");
		this.store.save(user);

		assertThat(this.store.load("amzn1.ask.account.TEST").data()).containsEntry("name", "Anna");
		List<String> userKeys = redis.server().call((commands) -> commands.keys("myapp:user:*"));
		assertThat(userKeys).hasSize(1);
	}

}
// end::process-test[]

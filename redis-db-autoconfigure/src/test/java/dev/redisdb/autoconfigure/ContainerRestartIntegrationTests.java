package dev.redisdb.autoconfigure;

import java.time.Duration;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.redis.testcontainers.RedisContainer;
import dev.redisdb.RedisDbUnavailableException;
import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredUser;
import dev.redisdb.test.RedisServer;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The Redis container stops in the middle of a test and starts again: meanwhile the store fails at once with
 * {@link RedisDbUnavailableException}, afterwards it serves again on the same connection factory, by itself.
 * <p>
 * The container is really stopped and started ({@code docker stop}, {@code docker start}), not paused. Docker would
 * give the restarted container a new random host port, which no client could follow; so its port 6379 is published
 * on a fixed free host port, as a Redis restarted behind the same address.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = { "spring.main.banner-mode=off", "jovo.redis.timeout=500ms",
		"jovo.redis.connect-timeout=500ms" })
@DirtiesContext
class ContainerRestartIntegrationTests {

	private static final int HOST_PORT = RedisServer.freePort();

	@Container
	@ServiceConnection
	static final RedisContainer redis = new RedisContainer(TestRedisImage.get())
		.withCreateContainerCmdModifier((command) -> command.getHostConfig()
			.withPortBindings(new PortBinding(Ports.Binding.bindPort(HOST_PORT), ExposedPort.tcp(6379))));

	@Autowired
	private RedisUserStore store;

	@Test
	void failsAtOnceWhileTheContainerIsStoppedAndServesAgainAfterItStarts() {
		StoredUser user = this.store.load("U1");
		user.data().put("visits", 1);
		this.store.save(user);
		DockerClient docker = redis.getDockerClient();

		docker.stopContainerCmd(redis.getContainerId()).exec();

		long start = System.nanoTime();
		assertThatExceptionOfType(RedisDbUnavailableException.class).isThrownBy(() -> this.store.load("U1"))
			.withMessageStartingWith("Cannot load user: Redis is unavailable");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("rejected, not timed out")
			.isLessThan(Duration.ofMillis(500));

		docker.startContainerCmd(redis.getContainerId()).exec();

		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
			StoredUser again = this.store.load("U2");
			again.data().put("visits", 1);
			this.store.save(again);
			return this.store.load("U2").data().get("visits").equals(1);
		});
		assertThat(redis.getMappedPort(6379)).isEqualTo(HOST_PORT);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class })
	static class TestApplication {

	}

}

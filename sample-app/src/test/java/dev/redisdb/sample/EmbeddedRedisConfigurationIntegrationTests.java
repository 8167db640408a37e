package dev.redisdb.sample;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredUser;
import dev.redisdb.autoconfigure.RedisDbAutoConfiguration;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class EmbeddedRedisConfigurationIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class))
		.withUserConfiguration(EmbeddedRedisConfiguration.class);

	@Test
	void startsARedisServerWithoutPersistenceWhenNoneIsConfiguredAndStopsItWithTheContext() {
		EmbeddedRedisServer[] started = new EmbeddedRedisServer[1];
		this.contextRunner.run((context) -> {
			EmbeddedRedisServer server = context.getBean(EmbeddedRedisServer.class);
			started[0] = server;
			assertThat(childPids()).contains(server.pid());
			Map<String, String> persistence = call(server, (commands) -> commands.configGet("save", "appendonly"));
			assertThat(persistence).containsEntry("save", "")
				.containsEntry("appendonly", "no");

			RedisUserStore store = context.getBean(RedisUserStore.class);
			StoredUser user = store.load("user-1");
			user.data().put("visits", 1);
			store.save(user);
			String stored = call(server, (commands) -> commands.get("data:user-1"));
			assertThat(stored).contains("\"visits\":1");
		});
		assertThat(ProcessHandle.of(started[0].pid()).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(childPids()).doesNotContain(started[0].pid());
		assertThat(started[0].directory()).doesNotExist();
	}

	@ParameterizedTest
	@ValueSource(strings = { "jovo.redis.connection-string=redis://127.0.0.1:6390", "spring.data.redis.host=127.0.0.1",
			"spring.data.redis.url=redis://127.0.0.1:6390", "spring.data.redis.port=6390" })
	void startsNothingWhenARedisServerIsConfigured(String property) {
		Set<Long> before = childPids();
		this.contextRunner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(EmbeddedRedisServer.class)
				.doesNotHaveBean("embeddedRedisConnectionDetails");
			assertThat(childPids()).isEqualTo(before);
		});
	}

	@Test
	void startsNothingWhenConnectionDetailsAreRegisteredAsServiceConnectionDoes() {
		Set<Long> before = childPids();
		this.contextRunner
			.withBean("redisConnectionDetails", DataRedisConnectionDetails.class, () -> new DataRedisConnectionDetails() {

				@Override
				public Standalone getStandalone() {
					return Standalone.of("127.0.0.1", 6390);
				}

			})
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(EmbeddedRedisServer.class)
					.doesNotHaveBean("embeddedRedisConnectionDetails");
				assertThat(childPids()).isEqualTo(before);
			});
	}

	@Test
	void aMissingRedisServerStopsTheAppWithAFailureAnalysisNotAStackTrace(CapturedOutput output) {
		SpringApplication application = new SpringApplication(SampleApplication.class);
		application.setDefaultProperties(Map.of("sample.embedded-redis.executable", "redis-server-not-installed",
				"server.port", "0"));
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("No Redis is configured, so the sample tried to start its own 'redis-server-not-installed', "
					+ "but it is not installed or not on the PATH.")
			.contains("Install Redis (Debian/Ubuntu: sudo apt-get install redis-server")
			.contains("JOVO_REDIS_CONNECTION_STRING=redis://host:6379");
	}

	/** @return the processes this JVM started and that still run */
	private static Set<Long> childPids() {
		return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
	}

	private static <T> T call(EmbeddedRedisServer server, Function<RedisCommands<String, String>, T> command) {
		RedisClient client = RedisClient.create(RedisURI.create(server.host(), server.port()));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return command.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

}

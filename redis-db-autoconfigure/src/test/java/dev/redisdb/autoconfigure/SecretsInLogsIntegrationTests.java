package dev.redisdb.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.redisdb.autoconfigure.forked.ForkedApplication;
import dev.redisdb.autoconfigure.forked.ForkedApplication.Response;
import dev.redisdb.autoconfigure.forked.SecretsApplication;
import dev.redisdb.test.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Neither the Redis password nor a stored value reaches a log line, however Lettuce's loggers are turned up: each
 * test runs {@link SecretsApplication} in a JVM of its own, with the password in the store's connection string and
 * in the application's {@code spring.data.redis.url}, stores a marker through both connections and searches
 * everything the JVM printed.
 */
class SecretsInLogsIntegrationTests {

	private static final String PASSWORD = "Log-Pa55w0rd-Q9z";

	private static final String WARNING = "Lettuce's io.lettuce.core.protocol loggers print raw Redis traffic";

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension("--requirepass", PASSWORD);

	@TempDir
	Path directory;

	@Test
	void traceSetByPropertyBeforeTheFirstConnectionLogsNoSecret() {
		String output = run(List.of("--logging.level.io.lettuce=TRACE"), Map.of(), this::turn);

		assertThat(output).doesNotContain(PASSWORD).doesNotContain(SecretsApplication.MARKER);
		assertThat(occurrences(output, WARNING)).isEqualTo(1);
	}

	@Test
	void traceRaisedAtRuntimeThroughActuatorLogsNoSecretAlsoOnReconnect() {
		String output = run(List.of("--management.endpoints.web.exposure.include=loggers"), Map.of(), (app) -> {
			turn(app);
			for (String logger : List.of("io.lettuce", "io.lettuce.core.protocol", "io.lettuce.core.protocol.CommandEncoder")) {
				assertThat(app.post("/actuator/loggers/" + logger, "{\"configuredLevel\":\"TRACE\"}").status())
					.isEqualTo(204);
			}
			assertThat(app.get("/actuator/loggers/io.lettuce.core.protocol.CommandHandler").body())
				.contains("\"effectiveLevel\":\"TRACE\"");
			turn(app);
			// Both connections reconnect: new Lettuce handlers, created at TRACE, send HELLO with the password.
			redis.server().call((commands) -> commands.clientKill(io.lettuce.core.KillArgs.Builder.typeNormal()));
			turnUntilStored(app);
		});

		assertThat(output).doesNotContain(PASSWORD).doesNotContain(SecretsApplication.MARKER);
		assertThat(occurrences(output, WARNING)).isEqualTo(1);
	}

	@Test
	void traceFromTheEnvironmentAndARootTraceLogbackConfigurationLogsNoSecret() throws IOException {
		Path logback = this.directory.resolve("logback-trace.xml");
		Files.writeString(logback, """
				<configuration>
				  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
				    <encoder><pattern>%level %logger %msg%n</pattern></encoder>
				  </appender>
				  <root level="TRACE"><appender-ref ref="OUT"/></root>
				</configuration>
				""");
		String output = run(List.of("--logging.config=" + logback), Map.of("LOGGING_LEVEL_IO_LETTUCE", "TRACE"),
				this::turn);

		assertThat(output).contains("TRACE org.springframework").doesNotContain(PASSWORD)
			.doesNotContain(SecretsApplication.MARKER);
	}

	@Test
	void withLog4j2TraceSetByPropertyAndRaisedAtRuntimeLogsNoSecret() {
		String output = run(List.of("--logging.level.io.lettuce=TRACE",
				"--management.endpoints.web.exposure.include=loggers"), Map.of(), ForkedApplication.log4j2Classpath(),
				(app) -> {
					turn(app);
					assertThat(app.post("/actuator/loggers/io.lettuce.core.protocol.CommandEncoder",
							"{\"configuredLevel\":\"TRACE\"}").status()).isEqualTo(204);
					redis.server().call((commands) -> commands.clientKill(io.lettuce.core.KillArgs.Builder.typeNormal()));
					turnUntilStored(app);
				});

		assertThat(output).contains("logging=Log4J2LoggingSystem").doesNotContain(PASSWORD)
			.doesNotContain(SecretsApplication.MARKER);
		assertThat(occurrences(output, WARNING)).isEqualTo(1);
	}

	@Test
	void withLog4j2TrafficIsLoggedWhenExplicitlyAllowed() {
		String output = run(List.of("--logging.level.io.lettuce=TRACE", "--jovo.redis.log-redis-traffic=true"),
				Map.of(), ForkedApplication.log4j2Classpath(), this::turn);

		assertThat(output).contains("logging=Log4J2LoggingSystem").contains("Sent:")
			.contains(SecretsApplication.MARKER).doesNotContain(WARNING);
	}

	@Test
	void trafficIsLoggedWhenExplicitlyAllowed() {
		String output = run(List.of("--logging.level.io.lettuce=TRACE", "--jovo.redis.log-redis-traffic=true"),
				Map.of(), this::turn);

		assertThat(output).contains("logging=LogbackLoggingSystem").contains("Sent:").contains(SecretsApplication.MARKER)
			.doesNotContain(WARNING);
	}

	private String run(List<String> arguments, Map<String, String> environment,
			java.util.function.Consumer<ForkedApplication> exercise) {
		return run(arguments, environment, ForkedApplication.testClasspath(), exercise);
	}

	private String run(List<String> arguments, Map<String, String> environment, List<String> classpath,
			java.util.function.Consumer<ForkedApplication> exercise) {
		String uri = "redis://:" + PASSWORD + "@127.0.0.1:" + redis.server().port();
		Map<String, String> env = new java.util.HashMap<>(environment);
		env.put("JOVO_REDIS_CONNECTION_STRING", uri);
		env.put("SPRING_DATA_REDIS_URL", uri);
		List<String> args = new java.util.ArrayList<>(arguments);
		args.add("--server.port=0");
		args.add("--server.address=127.0.0.1");
		ForkedApplication app = ForkedApplication.start(env, args, classpath);
		try {
			exercise.accept(app);
		}
		finally {
			app.close();
		}
		return app.output();
	}

	private void turn(ForkedApplication app) {
		Response response = app.post("/turn", "{}");
		assertThat(response.status()).as(app.output()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("stored");
	}

	private void turnUntilStored(ForkedApplication app) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (app.post("/turn", "{}").status() != 200) {
			assertThat(System.nanoTime()).as("reconnected within 10 s").isLessThan(deadline);
			sleep(100);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			count++;
		}
		return count;
	}

}

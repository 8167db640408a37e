package dev.redisdb.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.redisdb.autoconfigure.forked.ForkedApplication;
import dev.redisdb.test.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator's {@code env} and {@code configprops} endpoints, read over HTTP from an application in a JVM of its own
 * whose secrets come from real environment variables and command-line arguments: Redis URIs under any name show
 * their password masked, Redis passwords and encryption keys are hidden, also with {@code show-values: always}.
 */
class SecretsInActuatorIntegrationTests {

	private static final String PASSWORD = "Env-Pa55w0rd-J7";

	private static final String CACHE_PASSWORD = "Cache-S3cret-K2";

	private static final String SENTINEL_PASSWORD = "Sentinel-S3cret-M4";

	private static final String TLS_SENTINEL_PASSWORD = "TlsSentinel-S3cret-P6";

	private static final String ENCRYPTION_KEY = "q+8GZrtYKj8nTOWDrH4zc1/Cv6Wfkr0eCuUAbT2xNZs=";

	private static final List<String> SECRETS = List.of(PASSWORD, CACHE_PASSWORD, SENTINEL_PASSWORD,
			TLS_SENTINEL_PASSWORD, ENCRYPTION_KEY, "q+8GZrtYKj8nTOWDrH4zc1");

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension("--requirepass", PASSWORD);

	@Test
	void envAndConfigpropsShowNoSecretWithShowValuesAlways() {
		try (ForkedApplication app = start("--management.endpoint.env.show-values=always",
				"--management.endpoint.configprops.show-values=always")) {
			String env = ok(app.get("/actuator/env"));
			assertThat(env).contains("\"JOVO_REDIS_CONNECTION_STRING\"")
				.contains("redis://default:****@127.0.0.1:" + redis.server().port())
				.contains("rediss://cache-user:****@cache.internal:6380/0")
				.contains("redis-sentinel://:****@sentinel-1:26379,sentinel-2:26379/0#mymaster")
				.contains("rediss-sentinel://tls-user:****@sentinel-3:26379#mymaster")
				.contains("\"SPRING_DATA_REDIS_PASSWORD\"")
				.contains("\"JOVO_REDIS_ENCRYPTION_KEYS_K2024\"");
			assertNoSecret(env);

			assertThat(ok(app.get("/actuator/env/JOVO_REDIS_CONNECTION_STRING")))
				.contains("redis://default:****@127.0.0.1:")
				.satisfies(this::assertNoSecret);
			assertThat(ok(app.get("/actuator/env/jovo.redis.connection-string"))).contains("redis://default:****@")
				.satisfies(this::assertNoSecret);
			assertThat(ok(app.get("/actuator/env/REDIS_URL"))).contains("rediss://cache-user:****@cache.internal")
				.satisfies(this::assertNoSecret);
			assertThat(ok(app.get("/actuator/env/my.cache.url"))).contains("redis-sentinel://:****@sentinel-1")
				.satisfies(this::assertNoSecret);
			assertThat(ok(app.get("/actuator/env/APP_REDIS_PASSWORD_NOTE"))).contains("not secret");
			for (String name : List.of("SPRING_DATA_REDIS_PASSWORD", "spring.data.redis.password",
					"JOVO_REDIS_ENCRYPTION_KEYS_K2024", "jovo.redis.encryption.keys.k2024")) {
				assertThat(ok(app.get("/actuator/env/" + name))).as(name).contains("******")
					.satisfies(this::assertNoSecret);
			}

			String configprops = ok(app.get("/actuator/configprops"));
			assertThat(configprops).contains("redis://default:****@127.0.0.1:")
				.contains("\"k2024\":\"******\"")
				.contains("\"activeKey\":\"k2024\"");
			assertNoSecret(configprops);
			assertThat(ok(app.get("/actuator/configprops/jovo.redis"))).satisfies(this::assertNoSecret);
			assertThat(ok(app.get("/actuator/configprops/spring.data.redis"))).contains("\"password\":\"******\"")
				.satisfies(this::assertNoSecret);
		}
	}

	@Test
	void bootsDefaultShowsNoValueAtAll() {
		try (ForkedApplication app = start()) {
			String env = ok(app.get("/actuator/env"));
			assertThat(env).contains("\"JOVO_REDIS_CONNECTION_STRING\"").doesNotContain("redis://");
			assertNoSecret(env);
			assertNoSecret(ok(app.get("/actuator/env/JOVO_REDIS_CONNECTION_STRING")));
			assertNoSecret(ok(app.get("/actuator/configprops")));
		}
	}

	private ForkedApplication start(String... extraArguments) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--management.endpoints.web.exposure.include=env,configprops",
				"--my.cache.url=redis-sentinel://:" + SENTINEL_PASSWORD + "@sentinel-1:26379,sentinel-2:26379/0#mymaster",
				"--other.url=rediss-sentinel://tls-user:" + TLS_SENTINEL_PASSWORD + "@sentinel-3:26379#mymaster"));
		arguments.addAll(List.of(extraArguments));
		Map<String, String> environment = Map.of(
				"JOVO_REDIS_CONNECTION_STRING", "redis://default:" + PASSWORD + "@127.0.0.1:" + redis.server().port(),
				"REDIS_URL", "rediss://cache-user:" + CACHE_PASSWORD + "@cache.internal:6380/0",
				"SPRING_DATA_REDIS_HOST", "127.0.0.1", "SPRING_DATA_REDIS_PORT", String.valueOf(redis.server().port()),
				"SPRING_DATA_REDIS_PASSWORD", PASSWORD, "APP_REDIS_PASSWORD_NOTE", "not secret",
				"JOVO_REDIS_ENCRYPTION_KEYS_K2024", ENCRYPTION_KEY, "JOVO_REDIS_ENCRYPTION_ACTIVE_KEY", "k2024");
		return ForkedApplication.start(environment, arguments, ForkedApplication.testClasspath());
	}

	private static String ok(ForkedApplication.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private void assertNoSecret(String body) {
		for (String secret : SECRETS) {
			assertThat(body).as("a secret in\n%s", body).doesNotContain(secret);
		}
	}

}

package dev.redisdb.autoconfigure;

import ch.qos.logback.classic.Logger;
import dev.redisdb.RedisDbUnavailableException;
import dev.redisdb.RedisUserStore;
import dev.redisdb.test.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.redisdb.Throwables.stackTraceOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The Redis password never shows: not in logs at any level, exception messages, the properties' toString, or the
 * Actuator configprops endpoint, whether it comes from {@code jovo.redis.connection-string} or
 * {@code spring.data.redis.password}. Everything logged at TRACE is searched in memory, not printed.
 */
class SecretsIntegrationTests {

	private static final String PASSWORD = "Pa55-w0rd-XYZ";

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension("--requirepass", PASSWORD);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class,
				EndpointAutoConfiguration.class, ConfigurationPropertiesReportEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoint.configprops.show-values=always",
				"management.endpoints.web.exposure.include=configprops", "jovo.redis.timeout=300ms");

	private EverythingLogged logged;

	@BeforeEach
	void logEverything() {
		this.logged = new EverythingLogged();
	}

	@AfterEach
	void restoreLogging() {
		this.logged.close();
		((Logger) LoggerFactory.getLogger(LettuceTrafficLogGuard.PROTOCOL_LOGGERS)).setLevel(null);
		if (!redis.server().isRunning()) {
			redis.server().restart();
		}
	}

	@Test
	void connectionStringPasswordNeverShows() {
		this.contextRunner
			.withPropertyValues("jovo.redis.connection-string=redis://default:" + PASSWORD + "@127.0.0.1:"
					+ redis.server().port())
			.run((context) -> {
				exerciseIncludingFailures(context.getBean(RedisUserStore.class));
				assertThat(context.getBean(RedisDbProperties.class).toString()).doesNotContain(PASSWORD)
					.contains("redis://default:****@127.0.0.1:");
				assertThat(configprops(context.getBean(ConfigurationPropertiesReportEndpoint.class)))
					.contains("jovo.redis")
					.contains("redis://default:****@127.0.0.1")
					.doesNotContain(PASSWORD);
			});
		assertThat(this.logged.text()).contains(LettuceTrafficLogGuard.WARNING).doesNotContain(PASSWORD);
	}

	@Test
	void springDataRedisPasswordNeverShows() {
		this.contextRunner
			.withPropertyValues("spring.data.redis.port=" + redis.server().port(),
					"spring.data.redis.password=" + PASSWORD, "spring.data.redis.timeout=300ms")
			.run((context) -> {
				exerciseIncludingFailures(context.getBean(RedisUserStore.class));
				assertThat(configprops(context.getBean(ConfigurationPropertiesReportEndpoint.class)))
					.contains("spring.data.redis")
					.doesNotContain(PASSWORD);
			});
		assertThat(this.logged.text()).doesNotContain(PASSWORD);
	}

	@Test
	void rawTrafficMayBeLoggedWhenExplicitlyAllowed() {
		this.contextRunner
			.withPropertyValues("jovo.redis.log-redis-traffic=true",
					"jovo.redis.connection-string=redis://default:" + PASSWORD + "@127.0.0.1:" + redis.server().port())
			.run((context) -> context.getBean(RedisUserStore.class).load("U"));
		assertThat(this.logged.text()).doesNotContain(LettuceTrafficLogGuard.WARNING).contains("Sent:");
	}

	private static void exerciseIncludingFailures(RedisUserStore store) {
		store.save(store.load("U"));
		redis.server().kill();
		Throwable failure = catchThrowable(() -> store.load("U"));
		assertThat(failure).isInstanceOf(RedisDbUnavailableException.class);
		assertThat(stackTraceOf(failure)).doesNotContain(PASSWORD);
		redis.server().restart();
	}

	private static String configprops(ConfigurationPropertiesReportEndpoint endpoint) {
		return JsonMapper.builder().build().writeValueAsString(endpoint.configurationProperties());
	}


}

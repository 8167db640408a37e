package dev.redisdb.autoconfigure.asksdk;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.amazon.ask.attributes.persistence.PersistenceAdapter;
import com.amazon.ask.exception.PersistenceException;
import com.amazon.ask.model.RequestEnvelope;
import dev.redisdb.autoconfigure.RedisDbAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The ASK SDK adapter's auto-configuration without a Redis server: when it applies, what it backs off from, and how
 * the id is chosen. An envelope lacking the chosen id fails before any Redis call, which tells the ids apart here.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisDbAskSdkAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class,
				RedisDbAskSdkAutoConfiguration.class))
		// Nothing here talks to Redis; a port nobody listens on keeps it so.
		.withPropertyValues("spring.data.redis.url=redis://127.0.0.1:1");

	@Test
	void providesAnAdapterKeyedByTheUserId() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PersistenceAdapter.class).hasSingleBean(RedisPersistenceAdapter.class);
			assertThat(missingIdMessage(context.getBean(PersistenceAdapter.class)))
				.endsWith("no context.System.user.userId");
		});
	}

	@Test
	void keysByTheDeviceIdWhenConfigured() {
		this.contextRunner.withPropertyValues("jovo.redis.ask-sdk.id=device")
			.run((context) -> assertThat(missingIdMessage(context.getBean(PersistenceAdapter.class)))
				.endsWith("no context.System.device.deviceId"));
	}

	@Test
	void usesTheApplicationsIdFunction() {
		this.contextRunner.withPropertyValues("jovo.redis.ask-sdk.id=device")
			.withUserConfiguration(IdFunctionConfiguration.class)
			.run((context) -> assertThat(missingIdMessage(context.getBean(PersistenceAdapter.class)))
				.isEqualTo("no person"));
	}

	@Test
	void ignoresFunctionsOfOtherTypes() {
		this.contextRunner.withUserConfiguration(OtherFunctionConfiguration.class)
			.run((context) -> assertThat(missingIdMessage(context.getBean(PersistenceAdapter.class)))
				.endsWith("no context.System.user.userId"));
	}

	@Test
	void backsOffWhenTheApplicationHasAPersistenceAdapter() {
		this.contextRunner.withUserConfiguration(OwnAdapterConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(PersistenceAdapter.class).doesNotHaveBean(RedisPersistenceAdapter.class);
			assertThat(context).getBean(PersistenceAdapter.class).isSameAs(OwnAdapterConfiguration.ADAPTER);
		});
	}

	@Test
	void providesNoAdapterWithoutTheAskSdk() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(PersistenceAdapter.class)).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(RedisPersistenceAdapter.class);
			assertThat(context).doesNotHaveBean(RedisDbAskSdkProperties.class);
		});
	}

	@Test
	void providesNoAdapterWithoutAStore() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RedisDbAskSdkAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PersistenceAdapter.class));
	}

	@Test
	void failsAtStartupOnAnIdThatIsNeitherUserNorDevice() {
		this.contextRunner.withPropertyValues("jovo.redis.ask-sdk.id=person").run((context) -> {
			assertThat(context).hasFailed();
			BindException failure = bindException(context.getStartupFailure());
			assertThat(failure.getName()).hasToString("jovo.redis.ask-sdk.id");
			assertThat(failure).hasMessage("Failed to bind properties under 'jovo.redis.ask-sdk.id' to "
					+ RedisDbAskSdkProperties.Id.class.getName());
		});
	}

	@Test
	void startupFailureAnalysisNamesThePropertyAndTheValidValues(CapturedOutput output) {
		SpringApplication application = new SpringApplication(AskSdkApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatException().isThrownBy(
				() -> application.run("--jovo.redis.ask-sdk.id=person", "--spring.data.redis.url=redis://127.0.0.1:1"));

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: jovo.redis.ask-sdk.id")
			.contains("Value: \"person\"")
			.contains("The following values are valid:")
			.containsPattern("\\s+DEVICE\\s+USER");
	}

	@Test
	void metadataDescribesTheIdWithItsDefault() throws IOException {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
		Map<String, JsonNode> properties = new HashMap<>();
		metadata.get("properties").forEach((property) -> properties.put(property.get("name").asString(), property));
		assertThat(properties.get("jovo.redis.ask-sdk.id").get("defaultValue").asString()).isEqualTo("user");
		assertThat(properties.get("jovo.redis.ask-sdk.id").get("description").asString())
			.startsWith("Which id of the request envelope persistent attributes are stored under");
	}

	private static BindException bindException(Throwable failure) {
		Throwable cause = failure;
		while (!(cause instanceof BindException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		assertThat(cause).isInstanceOf(BindException.class);
		return (BindException) cause;
	}

	private static String missingIdMessage(PersistenceAdapter adapter) {
		RequestEnvelope envelope = Envelopes.withoutIds();
		return assertThatExceptionOfType(PersistenceException.class).isThrownBy(() -> adapter.getAttributes(envelope))
			.actual()
			.getMessage();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class,
			RedisDbAskSdkAutoConfiguration.class })
	static class AskSdkApplication {

	}

	@Configuration(proxyBeanMethods = false)
	static class IdFunctionConfiguration {

		@Bean
		Function<RequestEnvelope, String> personId() {
			return (envelope) -> {
				throw new PersistenceException("no person");
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OtherFunctionConfiguration {

		@Bean
		Function<String, String> upperCase() {
			return String::toUpperCase;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnAdapterConfiguration {

		static final PersistenceAdapter ADAPTER = new PersistenceAdapter() {

			@Override
			public Optional<Map<String, Object>> getAttributes(RequestEnvelope envelope) {
				return Optional.empty();
			}

			@Override
			public void saveAttributes(RequestEnvelope envelope, Map<String, Object> attributes) {
			}

			@Override
			public void deleteAttributes(RequestEnvelope envelope) {
			}

		};

		@Bean
		PersistenceAdapter ownAdapter() {
			return ADAPTER;
		}

	}

}

package dev.redisdb.autoconfigure;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's own connection takes Spring Boot's Lettuce customizers as the application's does, so that Lettuce
 * metrics and tracing cover it; and it has a health indicator of its own, switched by its own property.
 */
class StoreConnectionCustomizersTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class))
		.withPropertyValues("jovo.redis.connection-string=redis://127.0.0.1:6390");

	@Test
	void customizersOfResourcesOptionsAndConfigurationReachTheStoresConnection() {
		this.contextRunner.withUserConfiguration(CustomizersConfiguration.class).run((context) -> {
			LettuceConnectionFactory factory = context.getBean(RedisDbAutoConfiguration.CONNECTION_FACTORY_BEAN_NAME,
					LettuceConnectionFactory.class);
			ClientResources resources = factory.getClientConfiguration().getClientResources().orElseThrow();
			assertThat(resources).as("the application's").isSameAs(context.getBean(ClientResources.class));
			assertThat(resources.commandLatencyRecorder()).isSameAs(CustomizersConfiguration.RECORDER);
			ClientOptions options = factory.getClientConfiguration().getClientOptions().orElseThrow();
			assertThat(options.isAutoReconnect()).as("set by an options customizer").isFalse();
			assertThat(factory.getClientConfiguration().getShutdownTimeout()).as("set by a configuration customizer")
				.isEqualTo(Duration.ofMillis(42));
		});
	}

	@Test
	void theStoresConnectionHasAHealthIndicatorWithItsOwnKeyAndSwitch() {
		this.contextRunner.run((context) -> assertThat(context).hasBean("redisdbHealthIndicator")
			.getBean("redisdbHealthIndicator")
			.isInstanceOf(HealthIndicator.class));
		this.contextRunner.withPropertyValues("management.health.redis.enabled=false")
			.run((context) -> assertThat(context).as("Boot's switch leaves the store's alone")
				.hasBean("redisdbHealthIndicator"));
		this.contextRunner.withPropertyValues("management.health.redisdb.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("redisdbHealthIndicator"));
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizersConfiguration {

		static final CommandLatencyRecorder RECORDER = (local, remote, type, firstResponse, completion) -> {
		};

		@Bean
		ClientResourcesBuilderCustomizer latencyRecorder() {
			return (builder) -> builder.commandLatencyRecorder(RECORDER);
		}

		@Bean
		LettuceClientOptionsBuilderCustomizer noAutoReconnect() {
			return (builder) -> builder.autoReconnect(false);
		}

		@Bean
		LettuceClientConfigurationBuilderCustomizer shortShutdown() {
			return (builder) -> builder.shutdownTimeout(Duration.ofMillis(42));
		}

	}

}

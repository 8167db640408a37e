package dev.redisdb.autoconfigure;

import io.lettuce.core.resource.ClientResources;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The store's connection factory, marked with {@link RedisDbConnectionFactory}, where the application describes a
 * Redis of the store's own with {@link RedisDbConnectionDetails}. It is no default candidate: the application's
 * injection points keep the application's factory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(RedisDbConnectionDetails.class)
class StoreConnectionFactoryConfiguration {

	/** As Spring Boot declares them, where the application runs without Boot's Redis auto-configuration. */
	@Bean(destroyMethod = "shutdown")
	@ConditionalOnMissingBean(ClientResources.class)
	ClientResources redisDbClientResources(ObjectProvider<ClientResourcesBuilderCustomizer> customizers) {
		ClientResources.Builder builder = ClientResources.builder();
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean(name = RedisDbAutoConfiguration.CONNECTION_FACTORY_BEAN_NAME, defaultCandidate = false)
	@RedisDbConnectionFactory
	LettuceConnectionFactory redisDbConnectionFactory(RedisDbConnectionDetails connectionDetails,
			RedisDbProperties properties, ClientResources clientResources,
			ObjectProvider<LettuceClientOptionsBuilderCustomizer> optionsCustomizers,
			ObjectProvider<LettuceClientConfigurationBuilderCustomizer> configurationCustomizers) {
		return StoreConnectionFactory.create(connectionDetails, properties, clientResources,
				optionsCustomizers.orderedStream(), configurationCustomizers.orderedStream());
	}

	/**
	 * Boot's Redis health indicator covers default candidates only, so the store's connection gets one, with its own
	 * key ({@code redisdb}) and switch ({@code management.health.redisdb.enabled}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("redisdb")
	static class StoreConnectionHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "redisdbHealthIndicator")
		HealthIndicator redisdbHealthIndicator(
				@Qualifier(RedisDbAutoConfiguration.CONNECTION_FACTORY_BEAN_NAME) LettuceConnectionFactory redisDbConnectionFactory) {
			return new DataRedisHealthIndicator(redisDbConnectionFactory);
		}

	}

}

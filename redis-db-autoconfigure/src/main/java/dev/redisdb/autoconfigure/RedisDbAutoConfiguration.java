package dev.redisdb.autoconfigure;

import io.lettuce.core.resource.ClientResources;

import dev.redisdb.KeyStrategy;
import dev.redisdb.RedisDbProperties;
import dev.redisdb.RedisUserStore;
import dev.redisdb.ValueCodec;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Auto-configuration of the {@link RedisUserStore} and its hooks, from {@code jovo.redis.*}.
 */
@AutoConfiguration(after = DataRedisAutoConfiguration.class)
@ConditionalOnClass({ RedisOperations.class, LettuceConnectionFactory.class })
@EnableConfigurationProperties(RedisDbProperties.class)
public final class RedisDbAutoConfiguration {

	/**
	 * Name of the template the store uses; an application bean of this name replaces it. It is no default candidate,
	 * so the application's own {@code StringRedisTemplate} stays the one injected by type.
	 */
	public static final String TEMPLATE_BEAN_NAME = "redisDbTemplate";

	/** Name of the connection factory made from {@code jovo.redis.connection-string}. */
	public static final String CONNECTION_FACTORY_BEAN_NAME = "redisDbConnectionFactory";

	@Bean
	@ConfigurationPropertiesBinding
	static StoredElementConverter redisDbStoredElementConverter() {
		return new StoredElementConverter();
	}

	@Bean
	static HistoryFlagsBindHandlerAdvisor redisDbHistoryFlagsBindHandlerAdvisor() {
		return new HistoryFlagsBindHandlerAdvisor();
	}

	@Bean
	@ConditionalOnProperty(name = "jovo.redis.log-redis-traffic", havingValue = "false", matchIfMissing = true)
	static LettuceTrafficLogGuard redisDbLettuceTrafficLogGuard() {
		return new LettuceTrafficLogGuard();
	}

	@Bean
	@ConditionalOnMissingBean
	KeyStrategy redisDbKeyStrategy() {
		return KeyStrategy.jovo();
	}

	@Bean
	@ConditionalOnMissingBean
	ValueCodec redisDbValueCodec() {
		return ValueCodec.json();
	}

	@Bean
	@ConditionalOnMissingBean
	RedisUserStore redisUserStore(@Qualifier(TEMPLATE_BEAN_NAME) StringRedisTemplate redisDbTemplate,
			RedisDbProperties properties, KeyStrategy keyStrategy, ValueCodec valueCodec) {
		return new RedisUserStore(redisDbTemplate, properties, keyStrategy, valueCodec);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ActuatorConfiguration {

		@Bean
		SanitizingFunction redisDbPasswordSanitizingFunction() {
			return new RedisPasswordSanitizingFunction();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(ConnectionStringConditions.Set.class)
	static class OwnConnectionConfiguration {

		@Bean(destroyMethod = "shutdown", defaultCandidate = false)
		@ConditionalOnMissingBean(name = "redisDbClientResources")
		ClientResources redisDbClientResources() {
			return ClientResources.builder().nettyCustomizer(new FlushConsolidation()).build();
		}

		@Bean(name = CONNECTION_FACTORY_BEAN_NAME, defaultCandidate = false)
		LettuceConnectionFactory redisDbConnectionFactory(RedisDbProperties properties,
				ObjectProvider<SslBundles> sslBundles,
				@Qualifier("redisDbClientResources") ClientResources redisDbClientResources) {
			return ConnectionStringConnectionFactory.create(properties,
					SslBundleLookup.find(properties.sslBundle(), sslBundles.getIfAvailable()), redisDbClientResources);
		}

		@Bean(name = TEMPLATE_BEAN_NAME, defaultCandidate = false)
		@ConditionalOnMissingBean(name = TEMPLATE_BEAN_NAME)
		StringRedisTemplate redisDbTemplate(
				@Qualifier(CONNECTION_FACTORY_BEAN_NAME) LettuceConnectionFactory redisDbConnectionFactory) {
			return new StringRedisTemplate(redisDbConnectionFactory);
		}

		/** Boot's Redis health indicator covers default candidates only, so the store's own connection gets one. */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(HealthIndicator.class)
		@ConditionalOnEnabledHealthIndicator("redis")
		static class OwnConnectionHealthConfiguration {

			@Bean
			@ConditionalOnMissingBean(name = "redisDbHealthIndicator")
			HealthIndicator redisDbHealthIndicator(
					@Qualifier(CONNECTION_FACTORY_BEAN_NAME) LettuceConnectionFactory redisDbConnectionFactory) {
				return new DataRedisHealthIndicator(redisDbConnectionFactory);
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(ConnectionStringConditions.NotSet.class)
	static class ApplicationConnectionConfiguration {

		@Bean(name = TEMPLATE_BEAN_NAME, defaultCandidate = false)
		@ConditionalOnMissingBean(name = TEMPLATE_BEAN_NAME)
		@ConditionalOnSingleCandidate(RedisConnectionFactory.class)
		StringRedisTemplate redisDbTemplate(RedisConnectionFactory redisConnectionFactory) {
			return new StringRedisTemplate(redisConnectionFactory);
		}

	}

}

package dev.redisdb.autoconfigure;

import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;

import dev.redisdb.InvalidStoreOptionException;
import dev.redisdb.KeyStrategy;
import dev.redisdb.RedisUserStore;
import dev.redisdb.StoreOptions;
import dev.redisdb.ValueCodec;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;

/**
 * Auto-configuration of the {@link RedisUserStore} and its hooks, from {@code jovo.redis.*}. The store runs its
 * commands through the {@value #TEMPLATE_BEAN_NAME} template, on the connection factory marked with
 * {@link RedisDbConnectionFactory} (one is declared from {@code jovo.redis.connection-string} or a
 * {@link RedisDbConnectionDetails} bean), otherwise on the application's.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = DataRedisAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ RedisClient.class, LettuceConnectionFactory.class, RedisUserStore.class })
@EnableConfigurationProperties(RedisDbProperties.class)
@Import({ ConnectionStringConfiguration.class, StoreConnectionFactoryConfiguration.class })
public final class RedisDbAutoConfiguration {

	/**
	 * Name of the store's {@code RedisTemplate<String, byte[]>}: string keys, byte values, on the store's connection
	 * factory. An application bean of this name replaces it. It is no default candidate, so the application's own
	 * templates stay the ones injected by type.
	 */
	public static final String TEMPLATE_BEAN_NAME = "redisDbTemplate";

	/** Name of the store's connection factory made from {@link RedisDbConnectionDetails}. */
	public static final String CONNECTION_FACTORY_BEAN_NAME = "redisDbConnectionFactory";

	/**
	 * Name of the store's {@link ValueCodec}: the application's {@code ValueCodec} bean (Jovo's JSON without one),
	 * changed by the {@link ValueCodecCustomizer} beans, then compressed and encrypted as {@code jovo.redis.*} says.
	 * It is no default candidate, so the application's own {@code ValueCodec}, its base, stays the one injected by
	 * type.
	 * @since 0.2.0
	 */
	public static final String VALUE_CODEC_BEAN_NAME = "redisDbValueCodec";

	static final String STORE_OPTIONS_BEAN_NAME = "redisDbStoreOptions";

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
	@ConditionalOnMissingBean(RedisDbConnectionDetails.class)
	ClusterTopologyRefresh redisDbClusterTopologyRefresh(Environment environment,
			ObjectProvider<DataRedisConnectionDetails> connectionDetails) {
		return new ClusterTopologyRefresh(environment, connectionDetails);
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	LettuceClientConfigurationBuilderCustomizer redisDbStoreCommandTimeout() {
		return new StoreCommandTimeoutCustomizer();
	}

	@Bean(destroyMethod = "stop", defaultCandidate = false)
	HashedWheelTimer redisDbCommandTimer() {
		return new HashedWheelTimer(new DefaultThreadFactory("redis-db-timer", true), 10, TimeUnit.MILLISECONDS);
	}

	/**
	 * Lettuce's timer ticks every 100 ms by default, so a command times out up to 100 ms late; with 10 ms ticks the
	 * store's calls end within their timeout. It serves every connection of the application's client resources.
	 */
	@Bean
	ClientResourcesBuilderCustomizer redisDbCommandTimerCustomizer(
			@Qualifier("redisDbCommandTimer") HashedWheelTimer redisDbCommandTimer) {
		return (builder) -> builder.timer(redisDbCommandTimer);
	}

	@Bean
	@ConditionalOnMissingBean
	KeyStrategy redisDbKeyStrategy() {
		return KeyStrategy.jovo();
	}

	@Bean
	static HashTagCheck redisDbHashTagCheck(ListableBeanFactory beanFactory) {
		return new HashTagCheck(beanFactory);
	}

	@Bean
	static StoreOptionsBeanCheck redisDbStoreOptionsBeanCheck() {
		return new StoreOptionsBeanCheck(STORE_OPTIONS_BEAN_NAME);
	}

	@Bean(STORE_OPTIONS_BEAN_NAME)
	StoreOptions redisDbStoreOptions(RedisDbProperties properties,
			ObjectProvider<StoreOptionsCustomizer> customizers) {
		return StoreOptionsMapper.toOptions(properties, customizers.orderedStream().toList());
	}

	@Bean(name = VALUE_CODEC_BEAN_NAME, defaultCandidate = false)
	ValueCodec redisDbValueCodec(ObjectProvider<ValueCodec> valueCodec,
			ObjectProvider<ValueCodecCustomizer> customizers, RedisDbProperties properties, StoreOptions options) {
		return RedisDbValueCodecs.create(valueCodec.getIfAvailable(ValueCodec::json),
				customizers.orderedStream().toList(), properties, options);
	}

	@Bean(name = TEMPLATE_BEAN_NAME, defaultCandidate = false)
	@ConditionalOnMissingBean(name = TEMPLATE_BEAN_NAME)
	RedisTemplate<String, byte[]> redisDbTemplate(
			@RedisDbConnectionFactory ObjectProvider<RedisConnectionFactory> storeConnectionFactory,
			ObjectProvider<RedisConnectionFactory> connectionFactory) {
		RedisConnectionFactory factory = storeConnectionFactory.getIfAvailable(connectionFactory::getIfUnique);
		if (factory == null) {
			throw new RedisDbConfigurationException("spring.data.redis",
					"gives redis-db no single RedisConnectionFactory (the application has "
							+ connectionFactory.stream().count() + ")",
					"mark the factory the store uses with @RedisDbConnectionFactory, or set jovo.redis.connection-string");
		}
		if (!(factory instanceof LettuceConnectionFactory)) {
			throw new RedisDbConfigurationException("spring.data.redis.client-type",
					"gives redis-db a " + factory.getClass().getName() + ", but it needs Lettuce",
					"use Lettuce (Spring Boot's default client) or set jovo.redis.connection-string");
		}
		return RedisUserStore.template(factory);
	}

	@Bean
	@ConditionalOnMissingBean
	RedisUserStore redisUserStore(@Qualifier(TEMPLATE_BEAN_NAME) RedisTemplate<String, byte[]> redisDbTemplate,
			StoreOptions options, KeyStrategy keyStrategy, @Qualifier(VALUE_CODEC_BEAN_NAME) ValueCodec valueCodec,
			ObjectProvider<ObservationRegistry> observationRegistry) {
		try {
			return new RedisUserStore(redisDbTemplate, options, keyStrategy, valueCodec,
					observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
		}
		catch (InvalidStoreOptionException ex) {
			throw RedisDbConfigurationException.of(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RedisDbMeterObservationHandler redisDbMeterObservationHandler(ObjectProvider<MeterRegistry> meterRegistry) {
			return new RedisDbMeterObservationHandler(meterRegistry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ActuatorConfiguration {

		@Bean
		SanitizingFunction redisDbPasswordSanitizingFunction() {
			return new RedisPasswordSanitizingFunction();
		}

	}

}

package dev.redisdb.autoconfigure;

import io.lettuce.core.RedisClient;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

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
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStaticMasterReplicaConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Auto-configuration of the {@link RedisUserStore} and its hooks, from {@code jovo.redis.*}: on its own connection
 * when the application has {@link RedisDbConnectionDetails} (as {@code @ServiceConnection} registers them) or
 * {@code jovo.redis.connection-string} is set, otherwise on the application's Redis connection.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = DataRedisAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ RedisClient.class, LettuceConnectionFactory.class, RedisUserStore.class })
@EnableConfigurationProperties(RedisDbProperties.class)
public final class RedisDbAutoConfiguration {

	/**
	 * Name of the {@code StringRedisTemplate} on the store's Redis: the application's handle on it. An application
	 * bean of this name replaces it. It is no default candidate, so the application's own
	 * {@code StringRedisTemplate} stays the one injected by type.
	 */
	public static final String TEMPLATE_BEAN_NAME = "redisDbTemplate";

	/** Name of the store's own connection factory, made from {@link RedisDbConnectionDetails}. */
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
	@Conditional(OwnConnectionConditions.Application.class)
	ClusterTopologyRefresh redisDbClusterTopologyRefresh(Environment environment,
			ObjectProvider<DataRedisConnectionDetails> connectionDetails) {
		return new ClusterTopologyRefresh(environment, connectionDetails);
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

	static RedisUserStore createStore(RedisConnectionFactory connectionFactory, StoreOptions options,
			KeyStrategy keyStrategy, ValueCodec valueCodec, ObjectProvider<ObservationRegistry> observationRegistry) {
		if (!(connectionFactory instanceof LettuceConnectionFactory lettuce)) {
			throw new RedisDbConfigurationException("spring.data.redis.client-type",
					"gives redis-db a " + connectionFactory.getClass().getName() + ", but it needs Lettuce",
					"use Lettuce (Spring Boot's default client) or set jovo.redis.connection-string");
		}
		try {
			return new RedisUserStore(lettuce, options, keyStrategy, valueCodec,
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

	/** The Lettuce resources of the store's own connection, from a connection string or derived from Boot's. */
	@Configuration(proxyBeanMethods = false)
	@Conditional(OwnConnectionConditions.OwnOrDerived.class)
	static class StoreClientResourcesConfiguration {

		/**
		 * Boot's customizers reach it as they reach the application's: Lettuce metrics and tracing cover it. Without
		 * them it records no command latencies: Lettuce's own recorder, on whenever HdrHistogram is on the class
		 * path, fills histograms on the event loop that only an event-bus subscriber would read.
		 */
		@Bean(destroyMethod = "shutdown", defaultCandidate = false)
		@ConditionalOnMissingBean(name = "redisDbClientResources")
		ClientResources redisDbClientResources(ObjectProvider<ClientResourcesBuilderCustomizer> customizers) {
			ClientResources.Builder builder = ClientResources.builder()
				.nettyCustomizer(new FlushConsolidation())
				.commandLatencyRecorder(CommandLatencyRecorder.disabled());
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(OwnConnectionConditions.Own.class)
	static class OwnConnectionConfiguration {

		@Bean
		@ConditionalOnMissingBean(RedisDbConnectionDetails.class)
		PropertiesRedisDbConnectionDetails redisDbConnectionDetails(RedisDbProperties properties,
				ObjectProvider<SslBundles> sslBundles) {
			return new PropertiesRedisDbConnectionDetails(properties, sslBundles.getIfAvailable());
		}

		@Bean(name = CONNECTION_FACTORY_BEAN_NAME, defaultCandidate = false)
		LettuceConnectionFactory redisDbConnectionFactory(RedisDbConnectionDetails connectionDetails,
				RedisDbProperties properties,
				@Qualifier("redisDbClientResources") ClientResources redisDbClientResources,
				ObjectProvider<LettuceClientOptionsBuilderCustomizer> optionsCustomizers,
				ObjectProvider<LettuceClientConfigurationBuilderCustomizer> configurationCustomizers) {
			return OwnConnectionFactory.create(connectionDetails, properties, redisDbClientResources,
					optionsCustomizers.orderedStream(), configurationCustomizers.orderedStream());
		}

		@Bean(name = TEMPLATE_BEAN_NAME, defaultCandidate = false)
		@ConditionalOnMissingBean(name = TEMPLATE_BEAN_NAME)
		StringRedisTemplate redisDbTemplate(
				@Qualifier(CONNECTION_FACTORY_BEAN_NAME) LettuceConnectionFactory redisDbConnectionFactory) {
			return new StringRedisTemplate(redisDbConnectionFactory);
		}

		@Bean
		@ConditionalOnMissingBean
		RedisUserStore redisUserStore(
				@Qualifier(CONNECTION_FACTORY_BEAN_NAME) LettuceConnectionFactory redisDbConnectionFactory,
				StoreOptions options, KeyStrategy keyStrategy, @Qualifier(VALUE_CODEC_BEAN_NAME) ValueCodec valueCodec,
				ObjectProvider<ObservationRegistry> observationRegistry) {
			return createStore(redisDbConnectionFactory, options, keyStrategy, valueCodec, observationRegistry);
		}

		/**
		 * Boot's Redis health indicator covers default candidates only, so the store's own connection gets one, with
		 * its own key ({@code redisdb}) and switch ({@code management.health.redisdb.enabled}).
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(HealthIndicator.class)
		@ConditionalOnEnabledHealthIndicator("redisdb")
		static class OwnConnectionHealthConfiguration {

			@Bean
			@ConditionalOnMissingBean(name = "redisdbHealthIndicator")
			HealthIndicator redisdbHealthIndicator(
					@Qualifier(CONNECTION_FACTORY_BEAN_NAME) LettuceConnectionFactory redisDbConnectionFactory) {
				return new DataRedisHealthIndicator(redisDbConnectionFactory);
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(OwnConnectionConditions.Application.class)
	@ConditionalOnSingleCandidate(RedisConnectionFactory.class)
	static class ApplicationConnectionConfiguration {

		@Bean(name = TEMPLATE_BEAN_NAME, defaultCandidate = false)
		@ConditionalOnMissingBean(name = TEMPLATE_BEAN_NAME)
		StringRedisTemplate redisDbTemplate(RedisConnectionFactory redisConnectionFactory) {
			return new StringRedisTemplate(redisConnectionFactory);
		}

		/**
		 * On the connection derived from Boot's factory when there is one, otherwise on the application's factory as
		 * the application declared it.
		 */
		@Bean
		@ConditionalOnMissingBean
		RedisUserStore redisUserStore(RedisConnectionFactory redisConnectionFactory,
				@Qualifier(CONNECTION_FACTORY_BEAN_NAME) ObjectProvider<LettuceConnectionFactory> redisDbConnectionFactory,
				StoreOptions options, KeyStrategy keyStrategy, @Qualifier(VALUE_CODEC_BEAN_NAME) ValueCodec valueCodec,
				ObjectProvider<ObservationRegistry> observationRegistry) {
			LettuceConnectionFactory derived = redisDbConnectionFactory.getIfAvailable();
			return createStore((derived != null) ? derived : redisConnectionFactory, options, keyStrategy, valueCodec,
					observationRegistry);
		}

	}

	/**
	 * The store's connection to the Redis that Spring Boot configured from {@code spring.data.redis.*}: the same
	 * server and client settings, the store's own connection settings. The application's connection is untouched.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(OwnConnectionConditions.Derived.class)
	static class DerivedConnectionConfiguration {

		@Bean(name = CONNECTION_FACTORY_BEAN_NAME, defaultCandidate = false)
		LettuceConnectionFactory redisDbConnectionFactory(LettuceConnectionFactory redisConnectionFactory,
				ObjectProvider<RedisStaticMasterReplicaConfiguration> masterReplicaConfiguration,
				ObjectProvider<DataRedisConnectionDetails> connectionDetails,
				@Qualifier("redisDbClientResources") ClientResources redisDbClientResources) {
			return DerivedConnectionFactory.from(redisConnectionFactory,
					masterReplicaConfiguration.getIfAvailable(
							() -> DerivedConnectionFactory.masterReplica(connectionDetails.getIfAvailable())),
					redisDbClientResources);
		}

	}

}

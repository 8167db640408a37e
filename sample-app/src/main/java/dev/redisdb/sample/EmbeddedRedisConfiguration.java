package dev.redisdb.sample;

import java.util.List;

import dev.redisdb.autoconfigure.RedisDbConnectionDetails;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Runs the sample on an embedded {@code redis-server} when no Redis is configured, so that it starts with one
 * command. Not for production: configure {@code jovo.redis.connection-string} or {@code spring.data.redis.*} there.
 * Connection details registered before the configuration classes are read, as {@code @ServiceConnection} in a test
 * registers them, count as configured too.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedRedisConfiguration.NoRedisConfigured.class)
public class EmbeddedRedisConfiguration {

	/** Properties any of which names a Redis server; {@code cluster.nodes} may also be a YAML list. */
	static final List<String> SERVER_PROPERTIES = List.of("jovo.redis.connection-string", "spring.data.redis.url",
			"spring.data.redis.host", "spring.data.redis.port", "spring.data.redis.sentinel.master",
			"spring.data.redis.cluster.nodes");

	/** Connection details that name a Redis server. */
	static final List<Class<?>> CONNECTION_DETAILS = List.of(DataRedisConnectionDetails.class,
			RedisDbConnectionDetails.class);

	// A bean, as Testcontainers does it: Boot's connection details point to it, and the context stops it.
	@Bean(destroyMethod = "close")
	EmbeddedRedisServer embeddedRedisServer(
			@Value("${sample.embedded-redis.executable:redis-server}") String executable) {
		return EmbeddedRedisServer.start(executable);
	}

	@Bean
	DataRedisConnectionDetails embeddedRedisConnectionDetails(EmbeddedRedisServer server) {
		return new DataRedisConnectionDetails() {

			@Override
			public Standalone getStandalone() {
				return Standalone.of(server.host(), server.port());
			}

		};
	}

	static class NoRedisConfigured implements ConfigurationCondition {

		@Override
		public ConfigurationPhase getConfigurationPhase() {
			return ConfigurationPhase.REGISTER_BEAN;
		}

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Environment environment = context.getEnvironment();
			boolean propertySet = SERVER_PROPERTIES.stream()
				.anyMatch((name) -> StringUtils.hasText(environment.getProperty(name))
						|| environment.containsProperty(name + "[0]"));
			ListableBeanFactory beans = context.getBeanFactory();
			boolean connectionDetails = beans != null && CONNECTION_DETAILS.stream()
				.anyMatch((type) -> beans.getBeanNamesForType(type, true, false).length > 0);
			return !propertySet && !connectionDetails;
		}

	}

}

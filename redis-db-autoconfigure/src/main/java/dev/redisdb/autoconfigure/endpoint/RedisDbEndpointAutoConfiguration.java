package dev.redisdb.autoconfigure.endpoint;

import dev.redisdb.RedisUserStore;
import dev.redisdb.autoconfigure.RedisDbAutoConfiguration;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link RedisDbEndpoint}, when Actuator is present and the endpoint is exposed.
 *
 * @since 0.2.0
 */
@AutoConfiguration(after = RedisDbAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(RedisDbEndpoint.class)
@EnableConfigurationProperties(RedisDbEndpointProperties.class)
public final class RedisDbEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(RedisUserStore.class)
	RedisDbEndpoint redisDbEndpoint(RedisUserStore store, RedisDbEndpointProperties properties) {
		return new RedisDbEndpoint(store, properties.showValues(), properties.roles());
	}

}

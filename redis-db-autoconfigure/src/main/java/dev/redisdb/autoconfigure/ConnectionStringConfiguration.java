package dev.redisdb.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code jovo.redis.connection-string} as {@link RedisDbConnectionDetails}, unless the application has such details
 * (as {@code @ServiceConnection} registers them). Imported before {@link StoreConnectionFactoryConfiguration}, which
 * needs them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${jovo.redis.connection-string:}'.isBlank()")
class ConnectionStringConfiguration {

	@Bean
	@ConditionalOnMissingBean(RedisDbConnectionDetails.class)
	PropertiesRedisDbConnectionDetails redisDbConnectionDetails(RedisDbProperties properties,
			ObjectProvider<SslBundles> sslBundles) {
		return new PropertiesRedisDbConnectionDetails(properties, sslBundles.getIfAvailable());
	}

}

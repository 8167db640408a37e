package dev.redisdb.sample;

import dev.redisdb.KeyStrategy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sample's redis-db hook: declaring a {@link KeyStrategy} bean replaces the starter's default. The user entry's
 * encryption needs no hook: it is configured under {@code jovo.redis.encryption} in {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
public class RedisDbHooksConfiguration {

	@Bean
	KeyStrategy keyStrategy() {
		return new HashingKeyStrategy();
	}

}

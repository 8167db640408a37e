package dev.redisdb.sample;

import dev.redisdb.KeyStrategy;
import dev.redisdb.ValueCodec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sample's redis-db hooks, Jovo's {@code onCreateKey}, {@code onEncodeValue} and {@code onDecodeValue}, as beans.
 * A {@link KeyStrategy} bean replaces the starter's keys. A {@link ValueCodec} bean replaces Jovo's JSON as the base
 * of the store's codec, and what {@code application.yml} configures still applies on top of it: the user entry is
 * encoded by {@link SchemaVersionCodec}, then encrypted as {@code jovo.redis.encryption} says.
 */
@Configuration(proxyBeanMethods = false)
public class RedisDbHooksConfiguration {

	@Bean
	KeyStrategy keyStrategy() {
		return new HashingKeyStrategy();
	}

	@Bean
	ValueCodec valueCodec() {
		return new SchemaVersionCodec();
	}

}

package dev.redisdb.sample;

import dev.redisdb.KeyStrategy;
import dev.redisdb.ValueCodec;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sample's two redis-db hooks. Declaring a bean of either type replaces the starter's default.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SampleProperties.class)
public class RedisDbHooksConfiguration {

	@Bean
	KeyStrategy keyStrategy() {
		return new HashingKeyStrategy();
	}

	@Bean
	ValueCodec valueCodec(SampleProperties properties) {
		return new UserEntryEncryption(properties.encryptionSecretKey()).codec();
	}

}

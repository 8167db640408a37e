package dev.redisdb.autoconfigure.asksdk;

import java.util.function.Function;

import com.amazon.ask.attributes.persistence.PersistenceAdapter;
import com.amazon.ask.model.RequestEnvelope;
import dev.redisdb.RedisUserStore;
import dev.redisdb.autoconfigure.RedisDbAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of a {@link RedisPersistenceAdapter} on the application's {@link RedisUserStore} when the ASK
 * SDK for Java ({@code ask-sdk-core}) is on the classpath. The id comes from a bean of type
 * {@code Function<RequestEnvelope, String>} if the application has one, otherwise from
 * {@code jovo.redis.ask-sdk.id}. An application bean of type {@link PersistenceAdapter} replaces the adapter.
 *
 * @since 0.2.0
 */
@AutoConfiguration(after = RedisDbAutoConfiguration.class)
@ConditionalOnClass(PersistenceAdapter.class)
@ConditionalOnBean(RedisUserStore.class)
@EnableConfigurationProperties(RedisDbAskSdkProperties.class)
public final class RedisDbAskSdkAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(PersistenceAdapter.class)
	RedisPersistenceAdapter redisDbPersistenceAdapter(RedisUserStore store, RedisDbAskSdkProperties properties,
			ObjectProvider<Function<RequestEnvelope, String>> id) {
		return new RedisPersistenceAdapter(store, id.getIfAvailable(() -> switch (properties.id()) {
			case USER -> AskSdkIds.userId();
			case DEVICE -> AskSdkIds.deviceId();
		}));
	}

}

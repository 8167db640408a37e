package dev.redisdb.autoconfigure;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;

import dev.redisdb.StoreCommandTimeout;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration.LettuceClientConfigurationBuilder;

/**
 * Gives every connection factory Spring Boot builds {@link StoreCommandTimeout}: the store's commands time out after
 * {@code jovo.redis.timeout}, every other command as before (after the factory's command timeout, or never where
 * command timeouts were off). A timeout source of the application's own is left alone; the store then checks at
 * startup that its commands are still bounded.
 */
final class StoreCommandTimeoutCustomizer implements LettuceClientConfigurationBuilderCustomizer {

	@Override
	public void customize(LettuceClientConfigurationBuilder builder) {
		LettuceClientConfiguration configuration = builder.build();
		ClientOptions options = configuration.getClientOptions().orElseGet(ClientOptions::create);
		TimeoutOptions timeouts = options.getTimeoutOptions();
		if (timeouts.isTimeoutCommands() && !timeouts.isApplyConnectionTimeout()) {
			return;
		}
		Duration otherCommands = timeouts.isTimeoutCommands() ? configuration.getCommandTimeout() : Duration.ZERO;
		builder.clientOptions(options.mutate().timeoutOptions(StoreCommandTimeout.timeoutOptions(otherCommands)).build());
	}

}

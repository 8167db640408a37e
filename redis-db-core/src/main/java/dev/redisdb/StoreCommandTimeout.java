package dev.redisdb;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.protocol.RedisCommand;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Lettuce's per-command timeout for a connection that a {@link RedisUserStore} shares with the application: a
 * command the store sends gets the store's {@link StoreOptions#timeout()}, every other command the timeout it would
 * have had without this. A store call against a Redis that does not answer thus ends within the store's timeout,
 * whatever the connection's own command timeout is, and the application's commands keep theirs.
 * <p>
 * Lettuce asks its timeout source for each command's timeout on the thread that sends the command, and the store
 * sends each command on the caller's thread: so the store marks its calls on that thread. Spring Boot applications
 * get this from the starter, for a connection factory that Boot builds. Without Boot, apply
 * {@link #timeoutOptions(Duration)} to the client options of the factory, or give the factory a command timeout no
 * longer than the store's.
 *
 * @since 0.2.0
 */
public final class StoreCommandTimeout extends TimeoutOptions.TimeoutSource {

	private static final ThreadLocal<@Nullable Long> STORE_CALL_NANOS = new ThreadLocal<>();

	private final long otherCommandsNanos;

	private StoreCommandTimeout(long otherCommandsNanos) {
		this.otherCommandsNanos = otherCommandsNanos;
	}

	/**
	 * @param otherCommands the timeout of commands the store does not send; zero for none
	 * @return timeout options to set on the client options of the connection factory the store uses
	 */
	public static TimeoutOptions timeoutOptions(Duration otherCommands) {
		return TimeoutOptions.builder().timeoutSource(new StoreCommandTimeout(otherCommands.toNanos())).build();
	}

	/**
	 * @param connectionFactory the factory a store uses
	 * @param timeout the store's timeout
	 * @return whether every command of the store ends within its timeout on this factory: the factory applies this
	 * timeout source, or its own command timeout is not longer
	 */
	static boolean bounds(RedisConnectionFactory connectionFactory, Duration timeout) {
		if (!(connectionFactory instanceof LettuceConnectionFactory lettuce)) {
			return false;
		}
		boolean applied = lettuce.getClientConfiguration()
			.getClientOptions()
			.map(ClientOptions::getTimeoutOptions)
			.map((options) -> options.isTimeoutCommands() && options.getSource() instanceof StoreCommandTimeout)
			.orElse(false);
		return applied || lettuce.getTimeout() <= timeout.toMillis();
	}

	/** Runs a store call's command with the store's timeout on this thread. */
	static <T> T within(Duration timeout, Supplier<T> command) {
		Long outer = STORE_CALL_NANOS.get();
		STORE_CALL_NANOS.set(timeout.toNanos());
		try {
			return command.get();
		}
		finally {
			if (outer != null) {
				STORE_CALL_NANOS.set(outer);
			}
			else {
				STORE_CALL_NANOS.remove();
			}
		}
	}

	@Override
	public long getTimeout(@Nullable RedisCommand<?, ?, ?> command) {
		Long storeCall = STORE_CALL_NANOS.get();
		return (storeCall != null) ? storeCall : this.otherCommandsNanos;
	}

	@Override
	public TimeUnit getTimeUnit() {
		return TimeUnit.NANOSECONDS;
	}

}

package dev.redisdb;

import java.time.Duration;

import dev.redisdb.test.RedisServer;
import dev.redisdb.test.RedisServerExtension;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A write that was sent but not answered in time may still be applied: the exception says so, so that a caller
 * that retries can make its change idempotent.
 */
class UpdateUnderFailureIntegrationTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private StoreFixture fixture;

	private RedisUserStore store;

	@BeforeEach
	void connect() {
		RedisServer server = redis.server();
		this.fixture = new StoreFixture(new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(server.host(), server.port()),
				LettuceClientConfiguration.builder()
					.commandTimeout(Duration.ofMillis(300))
					.clientOptions(ClientOptions.builder()
						.timeoutOptions(TimeoutOptions.enabled(Duration.ofMillis(300)))
						.build())
					.build()));
		this.store = this.fixture.store(StoreOptions.defaults());
		this.store.save(this.store.load("U"));
	}

	@AfterEach
	void disconnect() {
		this.fixture.close();
	}

	@Test
	void aTimedOutUpdateSaysItMayHaveBeenAppliedAndItWas() {
		pauseWrites(Duration.ofMillis(1500));
		assertThatExceptionOfType(RedisDbUnavailableException.class)
			.isThrownBy(() -> this.store.update("U", TurnContext.none(), UpdateUnderFailureIntegrationTests::count))
			.satisfies((ex) -> assertThat(ex.mayHaveBeenApplied()).isTrue())
			.withMessageEndingWith("; the write was sent and may still have been applied");
		// the paused script blocks the connection's later commands until the pause ends
		await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
			.untilAsserted(() -> assertThat(this.store.load("U").data()).containsEntry("count", 1));
	}

	@Test
	void aRetryOfAnIdempotentChangeCountsOnce() {
		String turnId = "turn-42";
		pauseWrites(Duration.ofMillis(1500));
		assertThatExceptionOfType(RedisDbUnavailableException.class)
			.isThrownBy(() -> this.store.update("U", TurnContext.none(), (user) -> countOnce(user, turnId)));
		await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
			.until(() -> this.store.update("U", TurnContext.none(), (user) -> countOnce(user, turnId)) != null);
		assertThat(this.store.load("U").data()).containsEntry("count", 1).containsEntry("lastTurn", turnId);
	}

	@Test
	void aReadThatFailsNeverClaimsAWrite() {
		redis.server().kill();
		try {
			assertThatExceptionOfType(RedisDbUnavailableException.class).isThrownBy(() -> this.store.load("U"))
				.satisfies((ex) -> assertThat(ex.mayHaveBeenApplied()).isFalse());
		}
		finally {
			redis.server().restart();
		}
	}

	private static void count(StoredUser user) {
		user.data().put("count", user.data().get("count", Integer.class, 0) + 1);
	}

	private static void countOnce(StoredUser user, String turnId) {
		if (!turnId.equals(user.data().get("lastTurn", String.class))) {
			count(user);
			user.data().put("lastTurn", turnId);
		}
	}

	private static void pauseWrites(Duration duration) {
		redis.server().call((commands) -> commands.dispatch(io.lettuce.core.protocol.CommandType.CLIENT,
				new io.lettuce.core.output.StatusOutput<>(io.lettuce.core.codec.StringCodec.UTF8),
				new io.lettuce.core.protocol.CommandArgs<>(io.lettuce.core.codec.StringCodec.UTF8).add("PAUSE")
					.add(duration.toMillis())
					.add("WRITE")));
	}

}

package dev.redisdb.sample;

import dev.redisdb.KeyStrategy;
import dev.redisdb.Entry;
import dev.redisdb.StoreOptions;
import dev.redisdb.TurnContext;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class RedisDbHooksConfigurationTests {

	/** {@code printf user-1 | sha256sum} */
	private static final String USER_1_SHA256 = "c6c289e49e9c05b2145860387b73bcb18df43fb09a1e4a4a9713c76c88bb541b";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(RedisDbHooksConfiguration.class);

	private final StoreOptions properties = StoreOptions.builder().keyPrefix("myapp").build();

	@Test
	void keysTheSessionEntryBySessionIdAndEveryOtherEntryByTheHashedUserId() {
		this.contextRunner.run((context) -> {
			KeyStrategy keys = context.getBean(KeyStrategy.class);
			TurnContext turn = TurnContext.ofSession("session-1");

			assertThat(keys.createKey("user-1", entry("session"), this.properties, turn))
				.isEqualTo("myapp:session:session-1");
			assertThat(keys.createKey("user-1", entry("user"), this.properties, turn))
				.isEqualTo("myapp:user:" + USER_1_SHA256);
			assertThat(keys.createKey("user-1", entry("history"), this.properties, turn))
				.isEqualTo("myapp:history:" + USER_1_SHA256);
		});
	}

	@Test
	void keysTheSessionEntryByTheHashedUserIdWithoutSessionId() {
		this.contextRunner
			.run((context) -> assertThat(context.getBean(KeyStrategy.class)
				.createKey("user-1", entry("session"), this.properties, TurnContext.none()))
				.isEqualTo("myapp:session:" + USER_1_SHA256));
	}

	private static Entry entry(String id) {
		return Entry.everything(id);
	}

}

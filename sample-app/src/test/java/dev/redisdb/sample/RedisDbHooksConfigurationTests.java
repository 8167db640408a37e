package dev.redisdb.sample;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.redisdb.DbItem;
import dev.redisdb.Entry;
import dev.redisdb.EntryKey;
import dev.redisdb.KeyStrategy;
import dev.redisdb.StoreOptions;
import dev.redisdb.TurnContext;
import dev.redisdb.ValueCodec;
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

	@Test
	void versionsTheUserEntryOnlyAndReadsAVersion1ValueAsVersion2() {
		this.contextRunner.run((context) -> {
			ValueCodec codec = context.getBean(ValueCodec.class);
			DbItem user = codec.decode(new EntryKey("user", "myapp:user:x"),
					bytes("{\"user\":{\"data\":{\"count\":3}}}"));
			assertThat(user.getUser().data()).containsExactly(Map.entry("visits", 3));
			assertThat(new String(codec.encode(new EntryKey("user", "myapp:user:x"), user), StandardCharsets.UTF_8))
				.isEqualTo("{\"user\":{\"data\":{\"visits\":3}},\"schemaVersion\":2}");
			DbItem session = codec.decode(new EntryKey("session", "myapp:session:s"),
					bytes("{\"session\":{\"id\":\"s\",\"data\":{\"count\":1},\"state\":[]}}"));
			assertThat(session.getSession().data()).containsExactly(Map.entry("count", 1));
			assertThat(new String(codec.encode(new EntryKey("session", "myapp:session:s"), session),
					StandardCharsets.UTF_8)).doesNotContain("schemaVersion");
		});
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static Entry entry(String id) {
		return Entry.everything(id);
	}

}

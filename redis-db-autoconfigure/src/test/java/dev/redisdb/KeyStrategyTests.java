package dev.redisdb;

import dev.redisdb.RedisDbProperties.Entry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyStrategyTests {

	private final KeyStrategy keys = KeyStrategy.jovo();

	@Test
	void leavesPrefixOutWhenEmpty() {
		assertThat(this.keys.createKey("U", Entry.everything("data"), RedisDbProperties.defaults(), TurnContext.none()))
			.isEqualTo("data:U");
	}

	@Test
	void joinsPrefixEntryAndUserWithTheSeparator() {
		RedisDbProperties properties = RedisDbProperties.defaults().withKeyPrefix("myapp").toBuilder().keySeparator("#").build();
		assertThat(this.keys.createKey("aaad82ba-bbac", Entry.everything("user"), properties, TurnContext.none()))
			.isEqualTo("myapp#user#aaad82ba-bbac");
	}

}

package dev.redisdb;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyStrategyTests {

	private final KeyStrategy keys = KeyStrategy.jovo();

	@Test
	void leavesPrefixOutWhenEmpty() {
		assertThat(this.keys.createKey("U", Entry.everything("data"), StoreOptions.defaults(), TurnContext.none()))
			.isEqualTo("data:U");
	}

	@Test
	void joinsPrefixEntryAndUserWithTheSeparator() {
		StoreOptions options = StoreOptions.builder().keyPrefix("myapp").keySeparator("#").build();
		assertThat(this.keys.createKey("aaad82ba-bbac", Entry.everything("user"), options, TurnContext.none()))
			.isEqualTo("myapp#user#aaad82ba-bbac");
	}

}

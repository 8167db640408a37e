package dev.redisdb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.ClusterSlotHashUtil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The user id as a Redis Cluster hash tag: escaping that keeps ids distinct and a user's keys in one slot.
 */
class HashTagsTests {

	private static final StoreOptions SPLIT = SplitExample.options();

	@Test
	void keysStayJovosWhenHashTagIsOff() {
		assertThat(key(SPLIT, "user", "amzn1.ask.account.A{1}")).isEqualTo("myapp:user:amzn1.ask.account.A{1}");
	}

	@Test
	void hashTagWrapsTheUserIdInBraces() {
		assertThat(key(SPLIT.toBuilder().hashTag(true).build(), "user", "amzn1.ask.account.A1"))
			.isEqualTo("myapp:user:{amzn1.ask.account.A1}");
		assertThat(key(StoreOptions.builder().hashTag(true).build(), "data", "U")).isEqualTo("data:{U}");
	}

	@Test
	void bracesAndPercentInTheUserIdAreEscaped() {
		assertThat(HashTags.tag("a}b")).isEqualTo("{a%7Db}");
		assertThat(HashTags.tag("{x}")).isEqualTo("{%7Bx%7D}");
		assertThat(HashTags.tag("a%7Db")).isEqualTo("{a%257Db}");
		assertThat(HashTags.tag("100%")).isEqualTo("{100%25}");
	}

	@Test
	void idsThatWouldCollideWithoutEscapingTheEscapeGetDistinctTags() {
		List<String> ids = List.of("a}b", "a%7Db", "a%257Db", "a%b", "a%25b", "}", "%7D", "{", "%7B", "%");
		assertThat(ids.stream().map(HashTags::tag).distinct()).hasSameSizeAs(ids);
	}

	@Test
	void escapingIsInjectiveAndReversibleOverRandomIds() {
		Random random = new Random(5);
		char[] alphabet = { 'a', '%', '{', '}', '7', 'B', 'D', '2', '5', ':' };
		Map<String, String> idByTag = new HashMap<>();
		for (int i = 0; i < 20_000; i++) {
			StringBuilder id = new StringBuilder();
			for (int length = 1 + random.nextInt(8); id.length() < length;) {
				id.append(alphabet[random.nextInt(alphabet.length)]);
			}
			String escaped = HashTags.escape(id.toString());
			assertThat(escaped).doesNotContain("{", "}");
			assertThat(HashTags.unescape(escaped)).isEqualTo(id.toString());
			String previous = idByTag.put(escaped, id.toString());
			assertThat(previous).as("another id with the tag of '%s'", id).isIn(null, id.toString());
		}
	}

	@Test
	void everyEntryOfAUserHashesToOneSlotWhateverItsId() {
		StoreOptions properties = SPLIT.toBuilder().hashTag(true).build();
		for (String userId : List.of("U1", "}x", "{}", "a}b{c", "{", "}")) {
			int slot = ClusterSlotHashUtil.calculateSlot(key(properties, "user", userId));
			assertThat(List.of("session", "history")).allSatisfy((entry) -> assertThat(
					ClusterSlotHashUtil.calculateSlot(key(properties, entry, userId))).as(userId).isEqualTo(slot));
		}
	}

	@Test
	void unescapeRejectsWhatEscapeCannotProduce() {
		assertThatIllegalArgumentException().isThrownBy(() -> HashTags.unescape("a%41"))
			.withMessageContaining("'%41' at index 1");
		assertThatIllegalArgumentException().isThrownBy(() -> HashTags.unescape("a%7"));
	}

	private static String key(StoreOptions properties, String entryId, String userId) {
		Entry entry = properties.entries()
			.stream()
			.filter((candidate) -> candidate.id().equals(entryId))
			.findFirst()
			.orElseThrow();
		return KeyStrategy.jovo().createKey(userId, entry, properties, TurnContext.none());
	}

}

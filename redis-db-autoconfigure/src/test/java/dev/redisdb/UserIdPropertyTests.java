package dev.redisdb;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.redisdb.RedisDbProperties.Entry;
import dev.redisdb.testsupport.RedisServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any user id (separators, braces, spaces, newlines, control characters, any Unicode) round-trips and never reads
 * or overwrites another user's keys, whatever the key layout.
 */
class UserIdPropertyTests {

	private static RedisServer server;

	private static StoreFixture fixture;

	@BeforeContainer
	static void start() {
		server = RedisServer.start();
		fixture = new StoreFixture(server);
	}

	@AfterContainer
	static void stop() {
		fixture.close();
		server.close();
	}

	@Property(tries = 300)
	void eachUserReadsBackOnlyItsOwnData(@ForAll("userIds") String first, @ForAll("userIds") String second,
			@ForAll("layouts") RedisDbProperties layout) {
		Assume.that(!first.equals(second));
		RedisUserStore store = fixture.store(layout);
		String firstMarker = UUID.randomUUID().toString();
		String secondMarker = UUID.randomUUID().toString();

		saveMarker(store, first, firstMarker);
		saveMarker(store, second, secondMarker);

		assertThat(store.load(first).data()).isEqualTo(Map.of("marker", firstMarker, "id", first));
		assertThat(store.load(second).data()).isEqualTo(Map.of("marker", secondMarker, "id", second));
		assertThat(store.delete(first)).isEqualTo(layout.entries().size());
		assertThat(store.load(first).isNew()).isTrue();
		assertThat(store.load(second).data()).containsEntry("marker", secondMarker);
		store.delete(second);
	}

	private static void saveMarker(RedisUserStore store, String userId, String marker) {
		StoredUser user = store.load(userId);
		user.data().put("marker", marker);
		user.data().put("id", userId);
		user.session().data().put("id", userId);
		store.save(user);
	}

	@Provide
	Arbitrary<String> userIds() {
		Arbitrary<String> tricky = Arbitraries.strings()
			.withChars(":{}# \n\r\t\u0000\u0007/\\\"'*?[]")
			.withCharRange('a', 'c')
			.ofMinLength(1)
			.ofMaxLength(12);
		Arbitrary<String> unicode = Arbitraries.strings()
			.all()
			.ofMinLength(1)
			.ofMaxLength(40)
			.filter(UserIdPropertyTests::isValidUnicode);
		Arbitrary<String> alexaLike = Arbitraries.strings()
			.alpha()
			.numeric()
			.ofLength(20)
			.map((suffix) -> "amzn1.ask.account." + suffix);
		return Arbitraries.oneOf(tricky, unicode, alexaLike);
	}

	@Property(tries = 100)
	void idsThatAreNotValidUnicodeAreRejected(@ForAll("userIds") String prefix) {
		RedisUserStore store = fixture.store(RedisDbProperties.defaults());
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> store.load(prefix + "\uD800"))
			.withMessage("userId is not valid Unicode: it contains an unpaired surrogate");
	}

	private static boolean isValidUnicode(String text) {
		return java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(text);
	}

	@Provide
	Arbitrary<RedisDbProperties> layouts() {
		Arbitrary<String> prefixes = Arbitraries.of("", "app", "my:app", "{app}");
		Arbitrary<String> separators = Arbitraries.of(":", "#", "::", "/");
		Arbitrary<List<Entry>> entries = Arbitraries.of(List.of(Entry.everything("data")),
				List.of(new Entry("user", true, false, false, true, true, 0),
						new Entry("session", false, true, false, false, false, 1200),
						new Entry("history", false, false, true, false, false, 1200)),
				List.of(Entry.everything("a"), Entry.everything("b").withTtlSeconds(60)));
		return prefixes.flatMap((prefix) -> separators.flatMap((separator) -> entries.map((layout) -> RedisDbProperties
			.defaults()
			.withKeyPrefix(prefix)
			.toBuilder().keySeparator(separator).build()
			.withEntries(layout)
			.withStoredElements(RedisUserStoreTests.ALL_ELEMENTS))));
	}

}

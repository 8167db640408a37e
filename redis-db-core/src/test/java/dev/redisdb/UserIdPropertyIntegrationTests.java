package dev.redisdb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dev.redisdb.test.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.redisdb.StoredElement.CREATED_AT;
import static dev.redisdb.StoredElement.HISTORY;
import static dev.redisdb.StoredElement.SESSION;
import static dev.redisdb.StoredElement.UPDATED_AT;
import static dev.redisdb.StoredElement.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Any user id (separators, braces, spaces, newlines, control characters, any Unicode) round-trips and never reads
 * or overwrites another user's keys, whatever the key layout: hand-picked edge cases, then random ids and layouts
 * from a seed. A failure names the seed; rerun it with {@code -Dredisdb.seed=<seed>}.
 */
class UserIdPropertyIntegrationTests {

	private static final int RANDOM_TRIES = 300;

	private static final String TRICKY_CHARACTERS = ":{}# \n\r\t\u0000\u0007/\\\"'*?[]%abc";

	private static final List<String> EDGE_CASES = List.of(":", "{", "}", "{}", "%", "%7D", " ", "\n", "\u0000",
			"a:b", "data:U", "{U}", "\uD83D\uDE00", "\u00E9", "\u00E9".repeat(300), "amzn1.ask.account.AF3");

	private static final List<String> PREFIXES = List.of("", "app", "my:app", "{app}");

	private static final List<String> SEPARATORS = List.of(":", "#", "::", "/");

	private static final List<List<Entry>> ENTRY_LAYOUTS = List.of(List.of(Entry.everything("data")),
			List.of(Entry.of("user", USER, CREATED_AT, UPDATED_AT), Entry.of("session", SESSION).withTtlSeconds(1200),
					Entry.of("history", HISTORY).withTtlSeconds(1200)),
			List.of(Entry.everything("a"), Entry.everything("b").withTtlSeconds(60)));

	private static RedisServer server;

	private static StoreFixture fixture;

	@BeforeAll
	static void start() {
		server = RedisServer.start();
		fixture = new StoreFixture(server);
	}

	@AfterAll
	static void stop() {
		fixture.close();
		server.close();
	}

	@Test
	void edgeCaseIdsReadBackOnlyTheirOwnDataInEveryLayout() {
		for (StoreOptions layout : allLayouts()) {
			for (int i = 0; i < EDGE_CASES.size(); i++) {
				String first = EDGE_CASES.get(i);
				String second = EDGE_CASES.get((i + 1) % EDGE_CASES.size());
				check(first, second, layout, "edge case " + i);
			}
		}
	}

	@Test
	void randomIdsReadBackOnlyTheirOwnDataInRandomLayouts() {
		long seed = Long.getLong("redisdb.seed", System.nanoTime());
		Random random = new Random(seed);
		List<StoreOptions> layouts = allLayouts();
		for (int attempt = 0; attempt < RANDOM_TRIES; attempt++) {
			String first = randomUserId(random);
			String second = randomUserId(random);
			if (!first.equals(second)) {
				check(first, second, layouts.get(random.nextInt(layouts.size())),
						"seed " + seed + " (rerun with -Dredisdb.seed=" + seed + "), attempt " + attempt);
			}
		}
	}

	@Test
	void idsThatAreNotValidUnicodeAreRejected() {
		long seed = Long.getLong("redisdb.seed", System.nanoTime());
		Random random = new Random(seed);
		RedisUserStore store = fixture.store(StoreOptions.defaults());
		for (int attempt = 0; attempt < 100; attempt++) {
			String id = randomUserId(random) + (random.nextBoolean() ? "\uD800" : "\uDC00")
					+ (random.nextBoolean() ? "x" : "");
			assertThatIllegalArgumentException().as("seed %d, attempt %d", seed, attempt)
				.isThrownBy(() -> store.load(id))
				.withMessage("userId is not valid Unicode: it contains an unpaired surrogate");
		}
	}

	private static void check(String first, String second, StoreOptions layout, String description) {
		RedisUserStore store = fixture.store(layout);
		String firstMarker = UUID.randomUUID().toString();
		String secondMarker = UUID.randomUUID().toString();
		String context = description + ": ids '" + escaped(first) + "' and '" + escaped(second) + "', prefix '"
				+ layout.keyPrefix() + "', separator '" + layout.keySeparator() + "', entries "
				+ layout.entries().stream().map(Entry::id).toList();

		saveMarker(store, first, firstMarker);
		saveMarker(store, second, secondMarker);

		assertThat(store.load(first).data()).as(context).isEqualTo(Map.of("marker", firstMarker, "id", first));
		assertThat(store.load(second).data()).as(context).isEqualTo(Map.of("marker", secondMarker, "id", second));
		assertThat(store.delete(first)).as(context).isEqualTo(layout.entries().size());
		assertThat(store.load(first).isNew()).as(context).isTrue();
		assertThat(store.load(second).data()).as(context).containsEntry("marker", secondMarker);
		store.delete(second);
	}

	private static void saveMarker(RedisUserStore store, String userId, String marker) {
		StoredUser user = store.load(userId);
		user.data().put("marker", marker);
		user.data().put("id", userId);
		user.session().data().put("id", userId);
		store.save(user);
	}

	private static List<StoreOptions> allLayouts() {
		List<StoreOptions> layouts = new ArrayList<>();
		for (String prefix : PREFIXES) {
			for (String separator : SEPARATORS) {
				for (List<Entry> entries : ENTRY_LAYOUTS) {
					layouts.add(RedisUserStoreIntegrationTests.ALL_ELEMENTS.toBuilder()
						.keyPrefix(prefix)
						.keySeparator(separator)
						.entries(entries)
						.build());
				}
			}
		}
		return layouts;
	}

	/** @return an id of tricky ASCII, of any valid Unicode, or like Alexa's */
	private static String randomUserId(Random random) {
		return switch (random.nextInt(3)) {
			case 0 -> randomString(random, 1 + random.nextInt(12),
					() -> TRICKY_CHARACTERS.charAt(random.nextInt(TRICKY_CHARACTERS.length())));
			case 1 -> randomUnicode(random, 1 + random.nextInt(40));
			default -> "amzn1.ask.account." + randomString(random, 20, () -> (char) ('A' + random.nextInt(26)));
		};
	}

	private static String randomString(Random random, int length, java.util.function.Supplier<Character> next) {
		StringBuilder text = new StringBuilder(length);
		while (text.length() < length) {
			text.append(next.get());
		}
		return text.toString();
	}

	private static String randomUnicode(Random random, int codePoints) {
		StringBuilder text = new StringBuilder();
		while (text.codePointCount(0, text.length()) < codePoints) {
			int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
			if (Character.getType(codePoint) != Character.SURROGATE) {
				text.appendCodePoint(codePoint);
			}
		}
		assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(text)).isTrue();
		return text.toString();
	}

	private static String escaped(String text) {
		StringBuilder escaped = new StringBuilder();
		text.codePoints().forEach((codePoint) -> escaped.append((codePoint < 0x20 || codePoint > 0x7e)
				? String.format("\\u{%x}", codePoint) : Character.toString(codePoint)));
		return escaped.toString();
	}

}

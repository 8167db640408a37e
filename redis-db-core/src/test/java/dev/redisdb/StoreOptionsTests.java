package dev.redisdb;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static dev.redisdb.StoredElement.CREATED_AT;
import static dev.redisdb.StoredElement.SESSION;
import static dev.redisdb.StoredElement.UPDATED_AT;
import static dev.redisdb.StoredElement.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The store's options: Jovo's defaults, and every combination that cannot work refused with the option's name and
 * the fix.
 */
class StoreOptionsTests {

	@Test
	void defaultsAreJovos() {
		StoreOptions options = StoreOptions.defaults();
		assertThat(options.keyPrefix()).isEmpty();
		assertThat(options.keySeparator()).isEqualTo(":");
		assertThat(options.hashTag()).isFalse();
		assertThat(options.entries()).containsExactly(Entry.everything("data"));
		assertThat(options.storedElements()).isEqualTo(new StoredElements(true, new SessionElement(false, 900),
				new HistoryElement(false, 3, List.of("output", "nlu")), true, true));
		assertThat(options.maxUserIdLength()).isEqualTo(1024);
		assertThat(options.maxValueSize()).isEqualTo(DataSize.ofMegabytes(1));
		assertThat(options.undecodableValues()).isEqualTo(UndecodableValues.FAIL);
		assertThat(options.updateAttempts()).isEqualTo(10);
		assertThat(options.clusterNonAtomicWrites()).isFalse();
	}

	@Test
	void entryFactoryNamesWhatAnEntryHolds() {
		Entry user = Entry.of("user", USER, CREATED_AT, UPDATED_AT);
		assertThat(user.holds(USER)).isTrue();
		assertThat(user.holds(SESSION)).isFalse();
		assertThat(user.ttlSeconds()).isZero();
		assertThat(Entry.of("session", SESSION).withTtlSeconds(1200).ttlSeconds()).isEqualTo(1200);
		assertThat(Entry.everything("data").elements()).containsExactlyInAnyOrder(StoredElement.values());
	}

	@Test
	void historyFieldsComeInJovosOrderThenInTheOrderGiven() {
		assertThat(HistoryElement.of(1, "myField", "asr", "input", "output").fields())
			.containsExactly("output", "asr", "myField", "input");
		assertThat(HistoryElement.on().fields()).containsExactly("output", "nlu");
	}

	@Test
	void rejectsAnEmptyEntryId() {
		assertInvalid(StoreOptions.builder().entries(Entry.everything(" ")), "entries[0].id",
				"entries[0].id must not be empty: give each entry a unique id such as 'user'");
	}

	@Test
	void rejectsDuplicateEntryIds() {
		assertInvalid(StoreOptions.builder().entries(Entry.everything("user"), Entry.everything("user")),
				"entries[1].id", "entries[1].id 'user' is used by another entry: entry ids must be unique");
	}

	@Test
	void rejectsAnEntryIdContainingTheSeparator() {
		assertInvalid(StoreOptions.builder().entries(Entry.everything("a:b")), "entries[0].id",
				"entries[0].id 'a:b' contains the key separator ':': choose an id without it, or another key "
						+ "separator");
	}

	@Test
	void rejectsANegativeTtl() {
		assertInvalid(StoreOptions.builder().entries(Entry.everything("data").withTtlSeconds(-1)),
				"entries[0].ttl-seconds",
				"entries[0].ttl-seconds is -1: use 0 for no expiry or a positive number of seconds");
	}

	@Test
	void rejectsAnEmptySeparatorAndNoEntries() {
		assertInvalid(StoreOptions.builder().keySeparator(""), "key-separator",
				"key-separator must not be empty: set it to ':' (Jovo's default) or another character");
		assertInvalid(StoreOptions.builder().entries(List.of()), "entries",
				"entries is empty: configure at least one entry, or none at all for Jovo's default entry 'data'");
	}

	@Test
	void rejectsAHistoryBelowOneItemAndANegativeSessionExpiry() {
		assertInvalid(StoreOptions.builder().storedElements(StoredElements.defaults().withHistory(HistoryElement.of(0))),
				"stored-elements.history.size",
				"stored-elements.history.size is 0: keep at least 1 item (default 3)");
		assertInvalid(StoreOptions.builder()
			.storedElements(StoredElements.defaults().withSession(SessionElement.expiringAfterSeconds(-1))),
				"stored-elements.session.expires-after-seconds",
				"stored-elements.session.expires-after-seconds is -1: use a positive number of seconds (default 900)");
	}

	@Test
	void rejectsAnEnabledElementThatNoEntryStores() {
		assertInvalid(StoreOptions.builder()
			.storedElements(StoredElements.defaults().withSession(SessionElement.on()))
			.entries(Entry.of("user", USER, CREATED_AT, UPDATED_AT)), "stored-elements.session",
				"stored-elements.session is enabled but no entry stores it, so its data would be lost: set "
						+ "'session: true' on one of the entries, or disable the element");
	}

	@Test
	void rejectsNonPositiveLimits() {
		assertInvalid(StoreOptions.builder().maxUserIdLength(0), "max-user-id-length",
				"max-user-id-length is 0: use a positive value (default 1024)");
		assertInvalid(StoreOptions.builder().maxValueSize(DataSize.ofBytes(0)), "max-value-size",
				"max-value-size is 0: use a positive value (default 1MB)");
		assertInvalid(StoreOptions.builder().updateAttempts(-3), "update-attempts",
				"update-attempts is -3: use a positive value (default 10)");
	}

	@Test
	void hashTagRejectsBracesInThePrefixTheSeparatorAndEntryIds() {
		assertInvalid(StoreOptions.builder().hashTag(true).keyPrefix("my{app}"), "key-prefix",
				"key-prefix 'my{app}' contains '{' or '}', which hash-tag needs for the user id alone (Redis "
						+ "Cluster would hash the key by these braces): remove them, or turn hash-tag off");
		assertInvalid(StoreOptions.builder().hashTag(true).keySeparator("}"), "key-separator", null);
		assertInvalid(StoreOptions.builder().hashTag(true).entries(Entry.everything("da{ta")), "entries[0].id",
				null);
		assertThat(StoreOptions.builder().keyPrefix("my{app}").build().keyPrefix()).isEqualTo("my{app}");
	}

	@Test
	void reportsEntriesStoringNothingEnabled() {
		Entry sessionOnly = Entry.of("session", SESSION);
		StoreOptions options = StoreOptions.builder().entries(Entry.everything("data"), sessionOnly).build();
		assertThat(options.entriesStoringNothing()).containsExactly(sessionOnly);
	}

	@Test
	void builderStartsFromTheOptionsItWasTakenFrom() {
		StoreOptions split = SplitExample.options();
		assertThat(split.toBuilder().build()).isEqualTo(split);
		assertThat(split.toBuilder().hashTag(true).build().entries()).isEqualTo(split.entries());
	}

	private static void assertInvalid(StoreOptions.Builder options, String option, String message) {
		assertThatExceptionOfType(InvalidStoreOptionException.class).isThrownBy(options::build)
			.satisfies((ex) -> assertThat(ex.option()).isEqualTo(option))
			.satisfies((ex) -> {
				if (message != null) {
					assertThat(ex).hasMessage(message);
				}
			});
	}

}

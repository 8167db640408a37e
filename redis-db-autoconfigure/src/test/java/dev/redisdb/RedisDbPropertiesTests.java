package dev.redisdb;

import java.util.List;
import java.util.Map;

import dev.redisdb.RedisDbProperties.Entry;
import dev.redisdb.RedisDbProperties.HistoryElement;
import dev.redisdb.RedisDbProperties.SessionElement;
import dev.redisdb.RedisDbProperties.StoredElements;
import dev.redisdb.RedisDbProperties.Toggle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RedisDbPropertiesTests {

	@Test
	void defaultsAreJovos() {
		RedisDbProperties properties = RedisDbProperties.defaults();
		assertThat(properties.connectionString()).isNull();
		assertThat(properties.keyPrefix()).isEmpty();
		assertThat(properties.keySeparator()).isEqualTo(":");
		assertThat(properties.entries()).containsExactly(new Entry("data", true, true, true, true, true, 0));
		StoredElements elements = properties.storedElements();
		assertThat(elements.user().isEnabled()).isTrue();
		assertThat(elements.session().isEnabled()).isFalse();
		assertThat(elements.session().expiresAfterSeconds()).isEqualTo(900);
		assertThat(elements.history().isEnabled()).isFalse();
		assertThat(elements.history().size()).isEqualTo(3);
		assertThat(elements.history().keptFields()).containsExactly("nlu", "output");
		assertThat(elements.createdAt().isEnabled()).isTrue();
		assertThat(elements.updatedAt().isEnabled()).isTrue();
	}

	@Test
	void objectWithoutEnabledEnablesTheElement() {
		assertThat(new SessionElement(null, 600).isEnabled()).isTrue();
		assertThat(new HistoryElement(null, 5, null).isEnabled()).isTrue();
		assertThat(new Toggle(null).isEnabled()).isTrue();
		assertThat(new SessionElement(false, 600).isEnabled()).isFalse();
	}

	@Test
	void historyFlagsAcceptAnyFieldNameAndKeepOutputAndNluUnlessTurnedOff() {
		HistoryElement history = new HistoryElement(true, 1,
				Map.of("asr", "true", "myField", "TRUE", "nlu", "false", "size", "1"));
		assertThat(history.keptFields()).containsExactly("asr", "myField", "output");
	}

	@Test
	void rejectsHistoryFlagThatIsNotABoolean() {
		assertThatIllegalArgumentException().isThrownBy(() -> new HistoryElement(true, 1, Map.of("asr", "yes")))
			.withMessage("Invalid configuration: jovo.redis.stored-elements.history.asr is 'yes': "
					+ "a history field flag must be true or false");
	}

	@Test
	void rejectsEmptyEntryId() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RedisDbProperties.defaults().withEntries(List.of(Entry.everything(" "))))
			.withMessageContaining("jovo.redis.entries[0].id must not be empty");
	}

	@Test
	void rejectsDuplicateEntryIds() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RedisDbProperties.defaults()
				.withEntries(List.of(Entry.everything("user"), Entry.everything("user"))))
			.withMessageContaining("jovo.redis.entries[1].id 'user' is used by another entry");
	}

	@Test
	void rejectsEntryIdContainingTheSeparator() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RedisDbProperties.defaults().withEntries(List.of(Entry.everything("a:b"))))
			.withMessageContaining("jovo.redis.entries[0].id 'a:b' contains the key separator ':'");
	}

	@Test
	void rejectsNegativeTtl() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RedisDbProperties.defaults()
				.withEntries(List.of(Entry.everything("data").withTtlSeconds(-1))))
			.withMessageContaining("jovo.redis.entries[0].ttl-seconds is -1: use 0 for no expiry");
	}

	@Test
	void rejectsHistorySizeBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new HistoryElement(true, 0, null))
			.withMessage("Invalid configuration: jovo.redis.stored-elements.history.size is 0: "
					+ "keep at least 1 item (default 3)");
	}

	@Test
	void rejectsEnabledElementThatNoEntryStores() {
		Entry userOnly = new Entry("user", true, false, false, true, true, 0);
		StoredElements withSession = new StoredElements(null, new SessionElement(true, 900), null, null, null);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RedisDbProperties.defaults().withEntries(List.of(userOnly)).withStoredElements(withSession))
			.withMessage("Invalid configuration: jovo.redis.stored-elements.session is enabled but no entry stores it, "
					+ "so its data would be lost: set 'session: true' on one of jovo.redis.entries, "
					+ "or disable the element");
	}

	@Test
	void reportsEntriesStoringNothingEnabled() {
		Entry sessionOnly = new Entry("session", false, true, false, false, false, 0);
		RedisDbProperties properties = RedisDbProperties.defaults()
			.withEntries(List.of(Entry.everything("data"), sessionOnly));
		assertThat(properties.entriesStoringNothing()).containsExactly(sessionOnly);
	}

	@Test
	void rejectsUnparsableConnectionStringWithoutShowingThePassword() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RedisDbProperties.defaults().toBuilder().connectionString("http://app:s3cret@localhost:6379").build())
			.withMessage("Invalid configuration: jovo.redis.connection-string 'http://app:****@localhost:6379' is not "
					+ "a valid Redis URI: its scheme must be redis://, rediss:// or redis-sentinel://; "
					+ "expected redis[s]://[[user][:password]@][host][:port][/db]")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("s3cret"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RedisDbProperties.defaults().toBuilder().connectionString("redis://app:s3cret@localhost:notaport").build())
			.withMessageContaining("jovo.redis.connection-string 'redis://app:****@localhost:notaport'")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("s3cret"));
	}

	@Test
	void toStringMasksThePassword() {
		RedisDbProperties properties = RedisDbProperties.defaults().toBuilder().connectionString("rediss://app:s3cret@redis.example:6380/2").build();
		assertThat(properties.toString()).contains("rediss://app:****@redis.example:6380/2").doesNotContain("s3cret");
		assertThat(RedisDbProperties.defaults().toBuilder().connectionString("redis://s3cret@host").build().toString())
			.contains("redis://****@host")
			.doesNotContain("s3cret");
	}

}

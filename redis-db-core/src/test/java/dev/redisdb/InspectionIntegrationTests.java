package dev.redisdb;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees of a user: every key that holds its data, sessions keyed by session id included.
 */
class InspectionIntegrationTests {

	@RegisterExtension
	static final StoreExtension redis = new StoreExtension();

	@Test
	void listsEntryKeysSessionKeysAndTheIndexWithTtlSizeAndValue() {
		RedisUserStore store = redis.store(SplitExample.options(), SessionOwnershipIntegrationTests.SESSION_BY_SESSION_ID,
				ValueCodec.json());
		StoredUser user = store.load("anna", TurnContext.ofSession("s1"));
		user.data().put("name", "Anna");
		user.session().data().put("question", 2);
		store.save(user);

		List<StoredKey> keys = store.inspect("anna");

		assertThat(keys).extracting(StoredKey::entryId, StoredKey::key, StoredKey::exists).containsExactly(
				org.assertj.core.groups.Tuple.tuple("user", "myapp:user:anna", true),
				org.assertj.core.groups.Tuple.tuple("session", "myapp:session:anna", false),
				org.assertj.core.groups.Tuple.tuple("history", "myapp:history:anna", true),
				org.assertj.core.groups.Tuple.tuple("session", "myapp:session:s1", true),
				org.assertj.core.groups.Tuple.tuple("index", "myapp:index:anna", true));
		StoredKey userKey = keys.get(0);
		assertThat(userKey.ttlSeconds()).isEqualTo(-1);
		assertThat(userKey.size()).isEqualTo(redis.server().get("myapp:user:anna").length());
		assertThat(userKey.value().getUser().data()).containsEntry("name", "Anna");
		StoredKey session = keys.get(3);
		assertThat(session.ttlSeconds()).isBetween(1190L, 1200L);
		assertThat(session.value().getSession().data()).containsEntry("question", 2);
		assertThat(session.value().otherFields()).as("the owner tag is the store's").isEmpty();
		assertThat(keys.get(4).size()).as("one indexed key").isEqualTo(1);
	}

	@Test
	void aValueThatCannotBeDecodedIsListedWithItsProblemNotItsContent() {
		RedisUserStore store = redis.store(StoreOptions.defaults());
		redis.server().call((commands) -> commands.set("data:U", "PERSONAL not json"));
		StoredKey data = store.inspect("U").get(0);
		assertThat(data.exists()).isTrue();
		assertThat(data.value()).isNull();
		assertThat(data.problem()).isEqualTo("the value is not a JSON object");
	}

}

package dev.redisdb;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.dao.PermissionDeniedDataAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A session keyed by session id belongs to the user that stored it: another user's request carrying the same
 * session id neither loads nor overwrites it, whatever the {@link KeyStrategy}.
 */
class SessionOwnershipIntegrationTests {

	@RegisterExtension
	static final StoreExtension redis = new StoreExtension();

	/** Jovo's documented example: the session entry keyed by the session id, the other entries by the user id. */
	static final KeyStrategy SESSION_BY_SESSION_ID = (userId, entry, options, context) -> KeyStrategy.jovo()
		.createKey(entry.id().equals("session") && context.sessionId() != null ? context.sessionId() : userId, entry,
				options, context);

	private final RedisUserStore store = redis.store(SplitExample.options(), SESSION_BY_SESSION_ID,
			ValueCodec.json());

	@Test
	void anotherUserWithTheSameSessionIdCannotLoadTheSession() {
		StoredUser anna = this.store.load("anna", TurnContext.ofSession("s1"));
		anna.session().data().put("question", 2);
		this.store.save(anna);
		String stored = redis.server().get("myapp:session:s1");

		assertThatExceptionOfType(PermissionDeniedDataAccessException.class)
			.isThrownBy(() -> this.store.load("mallory", TurnContext.ofSession("s1")))
			.withMessage("Cannot load user: entry 'session' at key 'myapp:session:s1' holds another user's data (its "
					+ "key depends on the turn's context, such as the session id, and that is another user's)");
		assertThat(redis.server().get("myapp:session:s1")).isEqualTo(stored);
		assertThat(this.store.load("anna", TurnContext.ofSession("s1")).session().data()).containsEntry("question", 2);
	}

	@Test
	void anotherUserCannotOverwriteASessionCreatedAfterItsLoad() {
		StoredUser mallory = this.store.load("mallory", TurnContext.ofSession("s1"));
		StoredUser anna = this.store.load("anna", TurnContext.ofSession("s1"));
		anna.session().data().put("question", 2);
		this.store.save(anna);
		String stored = redis.server().get("myapp:session:s1");

		mallory.session().data().put("question", 99);
		mallory.data().put("visits", 1);
		assertThatExceptionOfType(PermissionDeniedDataAccessException.class).isThrownBy(() -> this.store.save(mallory))
			.withMessageStartingWith("Cannot save user: entry 'session' at key 'myapp:session:s1' holds another "
					+ "user's data");
		assertThat(redis.server().get("myapp:session:s1")).isEqualTo(stored);
		assertThat(redis.server().exists("myapp:user:mallory")).as("nothing of the save was written").isFalse();
	}

	@Test
	void theOwnersConcurrentSaveOfItsSessionIsNoConflict() {
		StoredUser first = this.store.load("anna", TurnContext.ofSession("s1"));
		StoredUser second = this.store.load("anna", TurnContext.ofSession("s1"));
		first.session().data().put("from", "first");
		this.store.save(first);
		second.session().data().put("from", "second");
		this.store.save(second);
		assertThat(this.store.load("anna", TurnContext.ofSession("s1")).session().data()).containsEntry("from",
				"second");
	}

	@Test
	void theValueRecordsAnOwnerTagNotTheUserId() {
		StoredUser anna = this.store.load("anna", TurnContext.ofSession("s1"));
		this.store.save(anna);
		assertThat(redis.server().get("myapp:session:s1")).endsWith(",\"owner\":\"" + UserKeys.ownerTag("anna") + "\"}")
			.doesNotContain("anna");
		assertThat(redis.server().get("myapp:user:anna")).as("keyed by user id: no owner needed")
			.doesNotContain("owner");
		assertThat(redis.server().<Map<String, String>>call((commands) -> commands.hgetall("myapp:index:anna")))
			.containsExactly(Map.entry("myapp:session:s1", "session"));
		assertThat(redis.server().ttl("myapp:index:anna")).as("as long as the session it lists")
			.isBetween(1190L, 1200L);
	}

	@Test
	void aSessionStoredBeforeOwnersWereRecordedIsAdoptedByItsNextSaveThenProtected() {
		redis.server().call((commands) -> commands.set("myapp:session:s1",
				"{\"session\":{\"id\":\"s1\",\"data\":{\"question\":2},\"updatedAt\":\"2099-01-01T00:00:00.000Z\"}}"));
		StoredUser anna = this.store.load("anna", TurnContext.ofSession("s1"));
		assertThat(anna.session().data()).containsEntry("question", 2);
		this.store.save(anna);
		assertThat(redis.server().get("myapp:session:s1")).contains("\"owner\":\"" + UserKeys.ownerTag("anna"));
		assertThatExceptionOfType(PermissionDeniedDataAccessException.class)
			.isThrownBy(() -> this.store.load("mallory", TurnContext.ofSession("s1")));
	}

	@Test
	void theSamplesHashingStrategyIsGuardedToo() {
		KeyStrategy hashing = (userId, entry, options, context) -> KeyStrategy.jovo()
			.createKey(entry.id().equals("session") && context.sessionId() != null ? context.sessionId()
					: UserKeys.ownerTag(userId), entry, options, context);
		RedisUserStore hashed = redis.store(SplitExample.options(), hashing, ValueCodec.json());
		StoredUser anna = hashed.load("anna", TurnContext.ofSession("s1"));
		anna.session().data().put("score", 3);
		hashed.save(anna);
		assertThatExceptionOfType(PermissionDeniedDataAccessException.class)
			.isThrownBy(() -> hashed.load("mallory", TurnContext.ofSession("s1")));
	}

	@Test
	void emptyAndOverlongSessionIdsAreRefusedAndStoreNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> TurnContext.ofSession(""))
			.withMessage("sessionId must not be empty: pass null where the request has no session");
		String megabyte = "s".repeat(1024 * 1024);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.store.load("anna", TurnContext.ofSession(megabyte)))
			.withMessage("The key of entry 'session' is 1048590 bytes long, more than max-key-length (4096): check "
					+ "the user id and the session id of the request");
		assertThat(redis.server().dbSize()).isZero();
	}

}

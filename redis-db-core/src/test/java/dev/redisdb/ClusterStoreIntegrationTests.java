package dev.redisdb;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.redisdb.test.RedisClusterExtension;
import dev.redisdb.test.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The store on a real three-master Redis Cluster, through its own cluster connection factory.
 */
class ClusterStoreIntegrationTests {

	@RegisterExtension
	static final RedisClusterExtension redis = new RedisClusterExtension();

	private LettuceConnectionFactory connectionFactory;

	private StringRedisTemplate template;

	@BeforeEach
	void connect() {
		this.connectionFactory = StoreFixture.connectionFactory(new RedisClusterConfiguration(redis.cluster().nodes()));
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		this.template = new StringRedisTemplate(this.connectionFactory);
	}

	@AfterEach
	void disconnect() {
		this.connectionFactory.destroy();
	}

	@Test
	void defaultConfigurationStoresOneJovoKeyPerUser() {
		RedisUserStore store = store(StoreOptions.defaults());
		StoredUser user = store.load("U1");
		user.data().put("visits", 1);
		store.save(user);

		assertThat(this.template.opsForValue().get("data:U1")).startsWith("{\"user\":{\"data\":{\"visits\":1}}");
		assertThat(this.template.getExpire("data:U1")).isEqualTo(-1);
		StoredUser loaded = store.load("U1");
		assertThat(loaded.isNew()).isFalse();
		assertThat(loaded.data()).containsEntry("visits", 1);
	}

	@Test
	void conflictSafeUpdateLosesNoIncrementAndGivesUpOnNoneOnTheCluster() throws Exception {
		for (StoreOptions options : List.of(StoreOptions.defaults(), split().toBuilder().hashTag(true).build())) {
			RedisUserStore store = store(options);
			AtomicInteger conflicts = new AtomicInteger();
			Concurrently.run(32, 50, () -> {
				try {
					store.update("counter", TurnContext.none(), ConflictSafeUpdateIntegrationTests::increment);
				}
				catch (RedisDbConflictException ex) {
					conflicts.incrementAndGet();
				}
			});
			assertThat(conflicts).as("updates that gave up at the default update-attempts").hasValue(0);
			assertThat(store.load("counter").data()).containsEntry("counter", 1600);
		}
	}

	@Test
	void splitEntriesWithHashTagShareOneSlotAndKeepTheirTtls() {
		RedisUserStore store = store(split().toBuilder().hashTag(true).build());
		StoredUser user = store.load("U1");
		user.data().put("visits", 1);
		user.session().data().put("step", 2);
		user.currentTurn().put("output", List.of(Map.of("message", "Hi")));
		store.save(user);

		List<String> keys = List.of("myapp:user:{U1}", "myapp:session:{U1}", "myapp:history:{U1}");
		RedisServer master = redis.cluster().masterFor(keys.get(0));
		assertThat(keys).allSatisfy((key) -> assertThat(redis.cluster().masterFor(key)).isSameAs(master));
		assertThat(this.template.getExpire(keys.get(0))).isEqualTo(-1);
		assertThat(this.template.getExpire(keys.get(1))).isBetween(1190L, 1200L);
		assertThat(this.template.getExpire(keys.get(2))).isBetween(1190L, 1200L);
		assertThat(this.template.opsForValue().get(keys.get(1))).contains("\"step\":2");
		StoredUser loaded = store.load("U1");
		assertThat(loaded.data()).containsEntry("visits", 1);
		assertThat(loaded.session().data()).containsEntry("step", 2);
		assertThat(loaded.history()).hasSize(1);
	}

	@Test
	void loadWithHashTagIsOneMgetOnOneNode() {
		RedisUserStore store = store(split().toBuilder().hashTag(true).build());
		StoredUser user = store.load("U1");
		user.data().put("visits", 1);
		store.save(user);
		redis.cluster().resetStats();

		store.load("U1");

		List<Map<String, Long>> calls = redis.cluster().masters().stream().map(RedisServer::commandCalls).toList();
		assertThat(calls.stream().mapToLong((node) -> node.getOrDefault("mget", 0L)).sum()).isEqualTo(1);
		assertThat(calls.stream().mapToLong((node) -> node.getOrDefault("get", 0L)).sum()).isZero();
		assertThat(redis.cluster().masterFor("myapp:user:{U1}").commandCalls()).containsEntry("mget", 1L);
	}

	@Test
	void deleteRemovesEveryEntryKey() {
		RedisUserStore store = store(split().toBuilder().hashTag(true).build());
		StoredUser user = store.load("U1");
		user.data().put("visits", 1);
		user.currentTurn().put("output", List.of());
		store.save(user);

		assertThat(store.delete("U1")).isEqualTo(3);
		assertThat(store.load("U1").isNew()).isTrue();
	}

	@Test
	void userIdsWithBracesGetDistinctKeysInOneSlotEach() {
		RedisUserStore store = store(split().toBuilder().hashTag(true).build());
		for (String userId : List.of("a}b", "a%7Db", "}x", "{}", "%")) {
			StoredUser user = store.load(userId);
			user.data().put("id", userId);
			store.save(user);
		}
		for (String userId : List.of("a}b", "a%7Db", "}x", "{}", "%")) {
			assertThat(store.load(userId).data()).containsEntry("id", userId);
		}
		assertThat(this.template.hasKey("myapp:user:{a%7Db}")).isTrue();
		assertThat(this.template.hasKey("myapp:user:{a%257Db}")).isTrue();
		assertThat(this.template.hasKey("myapp:session:{%7Dx}")).isTrue();
	}

	@Test
	void splitEntriesWithoutHashTagAreRefusedAtStartup() {
		assertThatExceptionOfType(InvalidStoreOptionException.class).isThrownBy(() -> store(split()))
			.withMessageStartingWith("hash-tag is off, but Redis is a cluster")
			.withMessageContaining("[user, session, history]")
			.withMessageContaining("set hash-tag: true")
			.withMessageContaining("set cluster-non-atomic-writes: true")
			.satisfies((ex) -> assertThat(ex.option()).isEqualTo("hash-tag"));
	}

	@Test
	void nonAtomicWritesKeepJovoKeysAndWriteOneSlotAtATime() {
		RedisUserStore store = store(split().toBuilder().clusterNonAtomicWrites(true).build());
		StoredUser user = store.load("U1");
		user.data().put("visits", 1);
		user.session().data().put("step", 2);
		store.save(user);

		assertThat(List.of("myapp:user:U1", "myapp:session:U1", "myapp:history:U1").stream()
			.map((key) -> redis.cluster().masterFor(key))
			.distinct()).hasSizeGreaterThan(1);
		assertThat(this.template.getExpire("myapp:session:U1")).isBetween(1190L, 1200L);
		StoredUser loaded = store.load("U1");
		assertThat(loaded.data()).containsEntry("visits", 1);
		assertThat(loaded.session().data()).containsEntry("step", 2);
	}

	@Test
	void storeServesAgainAfterAMasterIsKilledAndRestartedWithoutFailover() {
		RedisUserStore store = store(split().toBuilder().hashTag(true).build());
		StoredUser user = store.load("U1");
		user.data().put("visits", 1);
		store.save(user);
		RedisServer master = redis.cluster().masterFor("myapp:user:{U1}");
		long pidBefore = master.pid();

		redis.cluster().restart(master);

		assertThat(master.pid()).isNotEqualTo(pidBefore);
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).ignoreExceptions().untilAsserted(() -> {
			StoredUser again = store.load("U1");
			// no persistence in tests: the restarted master comes back empty
			assertThat(again.isNew()).isTrue();
			again.data().put("visits", 2);
			store.save(again);
		});
		assertThat(store.load("U1").data()).containsEntry("visits", 2);
	}

	@Test
	void sessionsKeyedBySessionIdInTheUsersSlotAreGuardedAndErased() {
		KeyStrategy sessionBySessionId = (userId, entry, options, context) -> entry.id().equals("session")
				&& context.sessionId() != null ? "myapp:session:" + HashTags.tag(userId) + ":" + context.sessionId()
						: KeyStrategy.jovo().createKey(userId, entry, options, context);
		RedisUserStore store = new RedisUserStore(RedisUserStore.template(this.connectionFactory), split().toBuilder().hashTag(true).build(),
				sessionBySessionId, ValueCodec.json());
		for (String session : List.of("s1", "s2", "s3")) {
			StoredUser user = store.load("U1", TurnContext.ofSession(session));
			user.data().put("visits", 1);
			user.session().data().put("secret", "erase-me");
			store.save(user);
		}
		assertThat(this.template.opsForHash().keys("myapp:index:{U1}")).hasSize(3);

		store.delete("U1");

		for (RedisServer master : redis.cluster().masters()) {
			assertThat(master.<List<String>>call((commands) -> commands.keys("*"))).as("keys on " + master.port())
				.isEmpty();
		}
	}

	private RedisUserStore store(StoreOptions options) {
		return new RedisUserStore(RedisUserStore.template(this.connectionFactory), options, KeyStrategy.jovo(), ValueCodec.json());
	}

	private static StoreOptions split() {
		return SplitExample.options();
	}

}

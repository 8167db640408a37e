package dev.redisdb.autoconfigure;

import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredUser;
import dev.redisdb.SplitExample;
import dev.redisdb.test.RedisClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured store on a real Redis Cluster configured through Spring Boot's
 * {@code spring.data.redis.cluster.nodes}.
 */
class ClusterAutoConfigurationIntegrationTests {

	@RegisterExtension
	static final RedisClusterExtension redis = new RedisClusterExtension();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class));

	@Test
	void usesTheApplicationsClusterConnectionWithTheDefaultEntry() {
		this.contextRunner.withPropertyValues(clusterNodes()).run((context) -> {
			RedisUserStore store = context.getBean(RedisUserStore.class);
			StoredUser user = store.load("U1");
			user.data().put("visits", 1);
			store.save(user);

			assertThat(context.getBean("stringRedisTemplate", StringRedisTemplate.class).hasKey("data:U1")).isTrue();
			assertThat(store.load("U1").data()).containsEntry("visits", 1);
		});
	}

	@Test
	void failsAtStartupWhenSplitEntriesWouldSpanSlots() {
		this.contextRunner.withPropertyValues(clusterNodes()).withPropertyValues(SPLIT).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(RedisDbConfigurationException.class)
				.hasMessage("jovo.redis.hash-tag is off, but Redis is a cluster and a user's 3 entries [user, "
						+ "session, history] would hash to different slots, so one save could not write them "
						+ "atomically (Redis answers CROSSSLOT): either set hash-tag: true, which wraps the user id "
						+ "in {...} so a user's keys share one slot (keys then differ from Jovo's: existing data must "
						+ "be renamed), or set cluster-non-atomic-writes: true to write the entries one slot at a "
						+ "time, without atomicity");
		});
	}

	@Test
	void splitEntriesWithHashTagSaveAtomicallyInOneSlot() {
		this.contextRunner.withPropertyValues(clusterNodes())
			.withPropertyValues(SPLIT)
			.withPropertyValues("jovo.redis.hash-tag=true")
			.run((context) -> {
				RedisUserStore store = context.getBean(RedisUserStore.class);
				StoredUser user = store.load("U1");
				user.data().put("visits", 1);
				user.session().data().put("step", 2);
				store.save(user);

				StringRedisTemplate template = context.getBean("stringRedisTemplate", StringRedisTemplate.class);
				assertThat(template.getExpire("myapp:user:{U1}")).isEqualTo(-1);
				assertThat(template.getExpire("myapp:session:{U1}")).isBetween(1190L, 1200L);
				assertThat(store.load("U1").session().data()).containsEntry("step", 2);
			});
	}

	@Test
	void splitEntriesStartWhenNonAtomicWritesAreAccepted() {
		this.contextRunner.withPropertyValues(clusterNodes())
			.withPropertyValues(SPLIT)
			.withPropertyValues("jovo.redis.cluster-non-atomic-writes=true")
			.run((context) -> {
				RedisUserStore store = context.getBean(RedisUserStore.class);
				StoredUser user = store.load("U1");
				user.data().put("visits", 1);
				store.save(user);

				assertThat(context.getBean("stringRedisTemplate", StringRedisTemplate.class).hasKey("myapp:user:U1")).isTrue();
				assertThat(store.load("U1").data()).containsEntry("visits", 1);
			});
	}

	private static final String[] SPLIT = SplitExample.PROPERTIES;

	private static String clusterNodes() {
		return "spring.data.redis.cluster.nodes=" + String.join(",", redis.cluster().nodes());
	}

}

package dev.redisdb.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import io.lettuce.core.AclSetuserArgs;
import dev.redisdb.EntryKey;
import dev.redisdb.KeyStrategy;
import dev.redisdb.RedisUserStore;
import dev.redisdb.SplitExample;
import dev.redisdb.StoredUser;
import dev.redisdb.ValueCodec;
import dev.redisdb.ValueTransform;
import dev.redisdb.test.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auto-configured store on two live servers: the application's and one for the store's own connection.
 */
class RedisDbAutoConfigurationIntegrationTests {

	static RedisServer appRedis;

	static RedisServer ownRedis;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class))
		.withPropertyValues("spring.data.redis.port=" + appRedis.port());

	@BeforeAll
	static void startServers() {
		appRedis = RedisServer.start();
		ownRedis = RedisServer.start();
	}

	@AfterAll
	static void stopServers() {
		appRedis.close();
		ownRedis.close();
	}

	@BeforeEach
	void emptyServers() {
		appRedis.flushAll();
		ownRedis.flushAll();
	}

	@Test
	void withoutConnectionStringTheStoreUsesTheApplicationsRedis() {
		this.contextRunner.run((context) -> {
			saveVisit(context.getBean(RedisUserStore.class));
			assertThat(appRedis.exists("data:U")).isTrue();
			assertThat(ownRedis.dbSize()).isZero();
		});
	}

	@Test
	void onTheApplicationsRedisTheStoreSharesTheApplicationsConnection() {
		this.contextRunner.withPropertyValues("spring.data.redis.database=2", "spring.data.redis.client-name=voice-app")
			.run((context) -> {
				saveVisit(context.getBean(RedisUserStore.class));
				context.getBean(StringRedisTemplate.class).opsForValue().set("app-key", "x");
				assertThat(appRedis.<Long>call((commands) -> {
					commands.select(2);
					return commands.exists("data:U", "app-key");
				})).isEqualTo(2L);
				assertThat(connectionsNamed("voice-app")).as("the application's, shared with the store").isEqualTo(1);
			});
		assertThat(connectionsNamed("voice-app")).as("after the context closed").isZero();
	}

	@Test
	void staticMasterReplicaNodesOfTheApplicationReachTheStore() {
		this.contextRunner.withPropertyValues("spring.data.redis.masterreplica.nodes=127.0.0.1:" + appRedis.port())
			.run((context) -> {
				saveVisit(context.getBean(RedisUserStore.class));
				assertThat(appRedis.exists("data:U")).isTrue();
				assertThat(context.getBean(RedisUserStore.class).load("U").data()).containsEntry("visits", 1);
			});
	}

	@Test
	void connectionStringGivesTheStoreItsOwnConnectionAndLeavesTheApplicationsAlone() {
		this.contextRunner.withPropertyValues("jovo.redis.connection-string=" + ownRedis.uri() + "/3")
			.run((context) -> {
				saveVisit(context.getBean(RedisUserStore.class));
				assertThat(ownRedis.<Long>call((commands) -> {
					commands.select(3);
					return commands.exists("data:U");
				})).isEqualTo(1L);
				assertThat(appRedis.dbSize()).isZero();
				context.getBean(StringRedisTemplate.class).opsForValue().set("app-key", "x");
				assertThat(appRedis.exists("app-key")).as("the application's template").isTrue();
				@SuppressWarnings("unchecked")
				RedisTemplate<String, byte[]> storeTemplate = context.getBean(RedisDbAutoConfiguration.TEMPLATE_BEAN_NAME,
						RedisTemplate.class);
				assertThat(new String(storeTemplate.opsForValue().get("data:U"), StandardCharsets.UTF_8))
					.as("the store's template").contains("visits");
			});
	}

	@Test
	void connectionStringCarriesAclUserAndPassword() {
		ownRedis.call((commands) -> commands.aclSetuser("app",
				AclSetuserArgs.Builder.on().addPassword("s3cret").allCommands().allKeys()));
		try {
			this.contextRunner.withPropertyValues("jovo.redis.connection-string=redis://app:s3cret@127.0.0.1:"
					+ ownRedis.port())
				.run((context) -> {
					saveVisit(context.getBean(RedisUserStore.class));
					assertThat(ownRedis.exists("data:U")).isTrue();
				});
		}
		finally {
			ownRedis.call((commands) -> commands.aclDeluser("app"));
		}
	}

	@Test
	void splitExampleWritesItsEntriesWithTheirTtls() {
		this.contextRunner.withPropertyValues(SplitExample.PROPERTIES).run((context) -> {
			saveVisit(context.getBean(RedisUserStore.class));
			assertThat(appRedis.ttl("myapp:user:U")).isEqualTo(-1);
			assertThat(appRedis.ttl("myapp:session:U")).isEqualTo(1200);
		});
	}

	@Test
	void theStoreUsesTheApplicationsKeyStrategyAndValueCodec() {
		this.contextRunner.withUserConfiguration(HooksConfiguration.class).run((context) -> {
			saveVisit(context.getBean(RedisUserStore.class));
			assertThat(appRedis.get("custom/data/U")).startsWith("v1:{\"user\"");
			assertThat(context.getBean(RedisUserStore.class).load("U").data()).containsEntry("visits", 1);
		});
	}

	@Test
	void encryptionFromPropertiesAppliesToTheApplicationsValueCodec() {
		this.contextRunner.withUserConfiguration(HooksConfiguration.class)
			.withPropertyValues("jovo.redis.encryption.keys.k2024=" + EncryptionAutoConfigurationTests.KEY_2024,
					"jovo.redis.encryption.active-key=k2024")
			.run((context) -> {
				saveVisit(context.getBean(RedisUserStore.class));
				byte[] stored;
				try (RedisConnection connection = context.getBean(RedisConnectionFactory.class).getConnection()) {
					stored = connection.stringCommands().get("custom/data/U".getBytes(StandardCharsets.UTF_8));
				}
				assertThat(stored[0] & 0xff).as("an encryption envelope").isEqualTo(0xA5);
				byte[] decrypted = ValueTransform.encryption(Map.of("k2024", new SecretKeySpec(
						Base64.getDecoder().decode(EncryptionAutoConfigurationTests.KEY_2024), "AES")), "k2024")
					.revert(new EntryKey("data", "custom/data/U"), stored);
				assertThat(new String(decrypted, StandardCharsets.UTF_8)).startsWith("v1:{\"user\"");
				assertThat(context.getBean(RedisUserStore.class).load("U").data()).containsEntry("visits", 1);
			});
	}

	@Test
	void compressedEntriesAreGzipInRedisAndSmallOnesStayJovoJson() {
		this.contextRunner.withPropertyValues(SplitExample.PROPERTIES)
			.withPropertyValues("jovo.redis.compression.enabled=true", "jovo.redis.compression.entries=user")
			.run((context) -> {
				RedisUserStore store = context.getBean(RedisUserStore.class);
				StoredUser user = store.load("U");
				user.data().put("notes", "remembered ".repeat(200));
				user.session().data().put("step", 1);
				store.save(user);
				byte[] stored = appRedis.call((commands) -> commands.dump("myapp:user:U"));
				assertThat(appRedis.<Long>call((commands) -> commands.strlen("myapp:user:U"))).isLessThan(300);
				assertThat(appRedis.get("myapp:session:U")).startsWith("{\"session\"");
				assertThat(stored).isNotEmpty();
				assertThat(store.load("U").data().get("notes", String.class)).isEqualTo("remembered ".repeat(200));
			});
	}

	@Test
	void anApplicationFactoryThatSharesNoNativeConnectionLendsTheStoreAConnectionPerCall() {
		this.contextRunner.withUserConfiguration(DedicatedConnectionsConfiguration.class).run((context) -> {
			RedisUserStore store = context.getBean(RedisUserStore.class);
			for (int visit = 1; visit <= 50; visit++) {
				saveVisit(store);
			}
			assertThat(store.load("U").data()).containsEntry("visits", 1);
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(storeConnections()).as("connections left open after 50 turns").isZero());
		});
	}

	private static long storeConnections() {
		return connectionsNamed("store-test");
	}

	private static long connectionsNamed(String name) {
		String clients = appRedis.call((commands) -> commands.clientList());
		return Arrays.stream(clients.split("\n")).filter((line) -> line.contains(" name=" + name + " ")).count();
	}

	private static void saveVisit(RedisUserStore store) {
		StoredUser user = store.load("U");
		user.data().put("visits", 1);
		store.save(user);
	}

	@Configuration(proxyBeanMethods = false)
	static class HooksConfiguration {

		@Bean
		KeyStrategy customKeyStrategy() {
			return (userId, entry, options, context) -> "custom/" + entry.id() + "/" + userId;
		}

		@Bean
		ValueCodec versionedCodec() {
			byte[] version = "v1:".getBytes();
			return ValueCodec.json().andThen(ValueTransform.of((entry, json) -> {
				byte[] stored = Arrays.copyOf(version, version.length + json.length);
				System.arraycopy(json, 0, stored, version.length, json.length);
				return stored;
			}, (entry, stored) -> Arrays.copyOfRange(stored, version.length, stored.length)));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DedicatedConnectionsConfiguration {

		@Bean
		RedisConnectionFactory redisConnectionFactory() {
			LettuceConnectionFactory factory = new LettuceConnectionFactory(
					new RedisStandaloneConfiguration("127.0.0.1", appRedis.port()),
					LettuceClientConfiguration.builder().clientName("store-test").commandTimeout(Duration.ofSeconds(2)).build());
			factory.setShareNativeConnection(false);
			return factory;
		}

	}

}

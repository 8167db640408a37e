package dev.redisdb.autoconfigure;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import dev.redisdb.DbItem;
import dev.redisdb.KeyStrategy;
import dev.redisdb.RedisDbProperties;
import dev.redisdb.RedisDbProperties.Entry;
import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredUser;
import dev.redisdb.ValueCodec;
import dev.redisdb.testsupport.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static dev.redisdb.testsupport.Throwables.stackTraceOf;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class RedisDbAutoConfigurationTests {

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
	void registersStoreWithJovoDefaults() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RedisUserStore.class)
				.hasSingleBean(KeyStrategy.class)
				.hasSingleBean(ValueCodec.class)
				.hasBean(RedisDbAutoConfiguration.TEMPLATE_BEAN_NAME);
			assertThat(context.getBean(RedisDbProperties.class)).isEqualTo(RedisDbProperties.defaults());
			assertThat(context.getBean(KeyStrategy.class)).isSameAs(KeyStrategy.jovo());
			assertThat(context.getBean(ValueCodec.class)).isSameAs(ValueCodec.json());
		});
	}

	@Test
	void withoutConnectionStringUsesTheApplicationsRedis() {
		this.contextRunner.run((context) -> {
			saveVisit(context.getBean(RedisUserStore.class));
			assertThat(appRedis.exists("data:U")).isTrue();
			assertThat(ownRedis.dbSize()).isZero();
			assertThat(context).doesNotHaveBean(RedisDbAutoConfiguration.CONNECTION_FACTORY_BEAN_NAME);
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
				assertThat(appRedis.exists("app-key")).as("app's template").isTrue();
				assertThat(context.getBean(RedisConnectionFactory.class))
					.isNotSameAs(context.getBean(RedisDbAutoConfiguration.CONNECTION_FACTORY_BEAN_NAME));
			});
	}

	@Test
	void connectionStringCarriesAclUserAndPassword() {
		ownRedis.call((commands) -> commands.aclSetuser("app",
				io.lettuce.core.AclSetuserArgs.Builder.on().addPassword("s3cret").allCommands().allKeys()));
		this.contextRunner.withPropertyValues("jovo.redis.connection-string=redis://app:s3cret@127.0.0.1:"
				+ ownRedis.port())
			.run((context) -> {
				saveVisit(context.getBean(RedisUserStore.class));
				assertThat(ownRedis.exists("data:U")).isTrue();
			});
		ownRedis.call((commands) -> commands.aclDeluser("app"));
	}

	@Test
	void bindsTheBooleanFormOfStoredElements() {
		this.contextRunner
			.withPropertyValues("jovo.redis.stored-elements.session=true", "jovo.redis.stored-elements.history=true",
					"jovo.redis.stored-elements.user=false")
			.run((context) -> {
				RedisDbProperties.StoredElements elements = context.getBean(RedisDbProperties.class).storedElements();
				assertThat(elements.session().isEnabled()).isTrue();
				assertThat(elements.session().expiresAfterSeconds()).isEqualTo(900);
				assertThat(elements.history().isEnabled()).isTrue();
				assertThat(elements.history().size()).isEqualTo(3);
				assertThat(elements.history().keptFields()).containsExactly("nlu", "output");
				assertThat(elements.user().isEnabled()).isFalse();
			});
	}

	@Test
	void bindsBothFormsFromYaml() {
		this.contextRunner.withInitializer((context) -> addYaml(context, """
				jovo:
				  redis:
				    key-prefix: myapp
				    stored-elements:
				      user: true
				      session: true
				      created-at: false
				      history:
				        size: 1
				        output: true
				        nlu: false
				        asr: true
				    entries:
				      - id: user
				        user: true
				        updated-at: true
				      - id: session
				        session: true
				        history: true
				        ttl-seconds: 1200
				""")).run((context) -> {
			RedisDbProperties properties = context.getBean(RedisDbProperties.class);
			assertThat(properties.storedElements().user().isEnabled()).isTrue();
			assertThat(properties.storedElements().session().isEnabled()).isTrue();
			assertThat(properties.storedElements().createdAt().isEnabled()).isFalse();
			assertThat(properties.storedElements().history().isEnabled()).isTrue();
			assertThat(properties.storedElements().history().size()).isEqualTo(1);
			assertThat(properties.storedElements().history().keptFields()).containsExactly("asr", "output");
			assertThat(properties.entries()).containsExactly(new Entry("user", true, false, false, false, true, 0),
					new Entry("session", false, true, true, false, false, 1200));
		});
		this.contextRunner.withInitializer((context) -> addYaml(context, """
				jovo.redis.stored-elements:
				  session: false
				  history: false
				  user: false
				  created-at: false
				  updated-at: false
				""")).run((context) -> {
			RedisDbProperties.StoredElements elements = context.getBean(RedisDbProperties.class).storedElements();
			assertThat(elements.session().isEnabled()).isFalse();
			assertThat(elements.history().isEnabled()).isFalse();
			assertThat(elements.user().isEnabled()).isFalse();
		});
	}

	private static void addYaml(org.springframework.context.ConfigurableApplicationContext context, String yaml) {
		try {
			new org.springframework.boot.env.YamlPropertySourceLoader()
				.load("test.yml", new org.springframework.core.io.ByteArrayResource(yaml.getBytes()))
				.forEach(context.getEnvironment().getPropertySources()::addFirst);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void objectFormWithoutEnabledEnablesTheElement() {
		this.contextRunner
			.withPropertyValues("jovo.redis.stored-elements.session.expires-after-seconds=600",
					"jovo.redis.stored-elements.history.size=1", "jovo.redis.stored-elements.history.asr=true",
					"jovo.redis.stored-elements.history.myField=true", "jovo.redis.stored-elements.history.nlu=false")
			.run((context) -> {
				RedisDbProperties.StoredElements elements = context.getBean(RedisDbProperties.class).storedElements();
				assertThat(elements.session().isEnabled()).isTrue();
				assertThat(elements.session().expiresAfterSeconds()).isEqualTo(600);
				assertThat(elements.history().isEnabled()).isTrue();
				assertThat(elements.history().size()).isEqualTo(1);
				assertThat(elements.history().keptFields()).containsExactly("asr", "myField", "output");
			});
	}

	@Test
	void historyFlagsAloneEnableTheHistoryAndEnabledFalseWins() {
		this.contextRunner.withPropertyValues("jovo.redis.stored-elements.history.asr=true")
			.run((context) -> assertThat(
					context.getBean(RedisDbProperties.class).storedElements().history().isEnabled())
				.isTrue());
		this.contextRunner
			.withPropertyValues("jovo.redis.stored-elements.history.enabled=false",
					"jovo.redis.stored-elements.history.asr=true")
			.run((context) -> assertThat(
					context.getBean(RedisDbProperties.class).storedElements().history().isEnabled())
				.isFalse());
	}

	@Test
	void bindsTheSplitEntries() {
		this.contextRunner.withPropertyValues("jovo.redis.key-prefix=myapp", "jovo.redis.stored-elements.session=true",
				"jovo.redis.entries[0].id=user", "jovo.redis.entries[0].user=true",
				"jovo.redis.entries[0].created-at=true", "jovo.redis.entries[0].updated-at=true",
				"jovo.redis.entries[1].id=session", "jovo.redis.entries[1].session=true",
				"jovo.redis.entries[1].ttl-seconds=1200")
			.run((context) -> {
				RedisDbProperties properties = context.getBean(RedisDbProperties.class);
				assertThat(properties.entries()).containsExactly(new Entry("user", true, false, false, true, true, 0),
						new Entry("session", false, true, false, false, false, 1200));
				saveVisit(context.getBean(RedisUserStore.class));
				assertThat(appRedis.ttl("myapp:session:U")).isEqualTo(1200);
			});
	}

	@Test
	void failsAtStartupOnDuplicateEntryIds() {
		this.contextRunner.withPropertyValues("jovo.redis.entries[0].id=user", "jovo.redis.entries[0].user=true",
				"jovo.redis.entries[0].created-at=true", "jovo.redis.entries[0].updated-at=true",
				"jovo.redis.entries[1].id=user")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("jovo.redis.entries[1].id 'user' is used by another entry"));
	}

	@Test
	void failsAtStartupWhenAnEnabledElementIsStoredByNoEntry() {
		this.contextRunner.withPropertyValues("jovo.redis.stored-elements.session=true", "jovo.redis.entries[0].id=user",
				"jovo.redis.entries[0].user=true", "jovo.redis.entries[0].created-at=true",
				"jovo.redis.entries[0].updated-at=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("jovo.redis.stored-elements.session is enabled but no entry stores it"));
	}

	@Test
	void failsAtStartupOnANegativeTtlAndATooSmallHistory() {
		this.contextRunner.withPropertyValues("jovo.redis.entries[0].id=data", "jovo.redis.entries[0].user=true",
				"jovo.redis.entries[0].created-at=true", "jovo.redis.entries[0].updated-at=true",
				"jovo.redis.entries[0].ttl-seconds=-5")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("jovo.redis.entries[0].ttl-seconds is -5"));
		this.contextRunner.withPropertyValues("jovo.redis.stored-elements.history.size=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("jovo.redis.stored-elements.history.size is 0"));
	}

	@Test
	void failsAtStartupOnABadConnectionStringWithoutShowingThePassword() {
		this.contextRunner.withPropertyValues("jovo.redis.connection-string=redis://app:s3cret@host:port")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("jovo.redis.connection-string 'redis://app:****@host:port' is not a valid");
				assertThat(stackTraceOf(context.getStartupFailure())).doesNotContain("s3cret");
			});
	}

	@Test
	void failsAtStartupOnAStoredElementThatIsNeitherBooleanNorObject() {
		this.contextRunner.withPropertyValues("jovo.redis.stored-elements.session=sometimes")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("must be true, false or an object, not 'sometimes'"));
	}

	@Test
	void warnsAboutAnEntryThatStoresNothingEnabled(CapturedOutput output) {
		this.contextRunner.withPropertyValues("jovo.redis.entries[0].id=data", "jovo.redis.entries[0].user=true",
				"jovo.redis.entries[0].created-at=true", "jovo.redis.entries[0].updated-at=true",
				"jovo.redis.entries[1].id=session", "jovo.redis.entries[1].session=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(RedisUserStore.class);
				assertThat(output).contains("entry 'session' stores no enabled element");
			});
	}

	@Test
	void backsOffWhenUserDefinesKeyStrategy() {
		this.contextRunner.withUserConfiguration(CustomKeyStrategyConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(KeyStrategy.class);
			saveVisit(context.getBean(RedisUserStore.class));
			assertThat(appRedis.exists("custom/data/U")).isTrue();
		});
	}

	@Test
	void backsOffWhenUserDefinesValueCodec() {
		this.contextRunner.withUserConfiguration(CustomValueCodecConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ValueCodec.class);
			saveVisit(context.getBean(RedisUserStore.class));
			assertThat(appRedis.get("data:U")).startsWith("v1:{");
		});
	}

	@Test
	void backsOffWhenUserDefinesRedisUserStore() {
		this.contextRunner.withUserConfiguration(CustomStoreConfiguration.class)
			.run((context) -> assertThat(context).getBean(RedisUserStore.class)
				.isSameAs(context.getBean("myStore")));
	}

	@Test
	void backsOffWhenUserDefinesTheStoresTemplate() {
		this.contextRunner.withUserConfiguration(CustomTemplateConfiguration.class)
			.run((context) -> assertThat(context.getBean(RedisDbAutoConfiguration.TEMPLATE_BEAN_NAME))
				.isSameAs(CustomTemplateConfiguration.template));
	}

	@Test
	void metadataDescribesEveryPropertyWithItsDefault() throws Exception {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
		Map<String, JsonNode> properties = new java.util.HashMap<>();
		metadata.get("properties").forEach((property) -> properties.put(property.get("name").asString(), property));
		assertThat(properties.values()).allSatisfy((property) -> assertThat(property.hasNonNull("description"))
			.as(property.get("name").asString())
			.isTrue());
		Map<String, String> defaults = Map.of("jovo.redis.key-separator", ":", "jovo.redis.key-prefix", "",
				"jovo.redis.stored-elements.session.expires-after-seconds", "900",
				"jovo.redis.stored-elements.history.size", "3", "jovo.redis.stored-elements.user.enabled", "true",
				"jovo.redis.stored-elements.session.enabled", "false",
				"jovo.redis.stored-elements.history.output", "true", "jovo.redis.entries[0].ttl-seconds", "0");
		defaults.forEach((name, value) -> assertThat(properties.get(name).get("defaultValue").asString()).as(name)
			.isEqualTo(value));
		assertThat(properties).containsKeys("jovo.redis.connection-string", "jovo.redis.entries",
				"jovo.redis.stored-elements.created-at.enabled", "jovo.redis.stored-elements.updated-at.enabled");
	}

	private static void saveVisit(RedisUserStore store) {
		StoredUser user = store.load("U");
		user.data().put("visits", 1);
		store.save(user);
	}


	@Configuration(proxyBeanMethods = false)
	static class CustomKeyStrategyConfiguration {

		@Bean
		KeyStrategy customKeyStrategy() {
			return (userId, entry, properties, context) -> "custom/" + entry.id() + "/" + userId;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomValueCodecConfiguration {

		@Bean
		ValueCodec versionedCodec() {
			return new ValueCodec() {
				@Override
				public String encode(String entryId, DbItem item) {
					return "v1:" + ValueCodec.json().encode(entryId, item);
				}

				@Override
				public DbItem decode(String entryId, String value) {
					return ValueCodec.json().decode(entryId, value.substring(3));
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomStoreConfiguration {

		@Bean
		RedisUserStore myStore(RedisConnectionFactory connectionFactory) {
			return new RedisUserStore(new StringRedisTemplate(connectionFactory),
					RedisDbProperties.defaults().withEntries(List.of(Entry.everything("mine"))), KeyStrategy.jovo(),
					ValueCodec.json());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomTemplateConfiguration {

		static final StringRedisTemplate template = new StringRedisTemplate();

		@Bean(name = RedisDbAutoConfiguration.TEMPLATE_BEAN_NAME)
		StringRedisTemplate myTemplate(RedisConnectionFactory connectionFactory) {
			template.setConnectionFactory(connectionFactory);
			return template;
		}

	}

}

package dev.redisdb.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.resource.ClientResources;
import dev.redisdb.DbItem;
import dev.redisdb.EntryKey;
import dev.redisdb.HistoryElement;
import dev.redisdb.StoreCommandTimeout;
import dev.redisdb.KeyStrategy;
import dev.redisdb.RedisUserStore;
import dev.redisdb.SessionElement;
import dev.redisdb.SplitExample;
import dev.redisdb.StoreOptions;
import dev.redisdb.ValueCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisSentinelConnection;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static dev.redisdb.Throwables.stackTraceOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration without a Redis server: what it registers and backs off from, how {@code jovo.redis.*}
 * binds into the store's options, the own connection's settings, and every startup mistake. Live behaviour is in
 * {@link RedisDbAutoConfigurationIntegrationTests}.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisDbAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class));

	@Test
	void registersTheStoreWithJovosDefaults() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RedisUserStore.class)
				.hasSingleBean(KeyStrategy.class)
				.hasSingleBean(ValueCodec.class)
				.hasBean(RedisDbAutoConfiguration.TEMPLATE_BEAN_NAME)
				.doesNotHaveBean(RedisDbAutoConfiguration.CONNECTION_FACTORY_BEAN_NAME);
			assertThat(storeTemplate(context).getConnectionFactory())
				.isSameAs(context.getBean(RedisConnectionFactory.class));
			assertThat(context.getBean(StoreOptions.class)).isEqualTo(StoreOptions.defaults());
			assertThat(context.getBean(RedisUserStore.class).options()).isEqualTo(StoreOptions.defaults());
			assertThat(context.getBean(KeyStrategy.class)).isSameAs(KeyStrategy.jovo());
			assertThat(context.getBean(RedisDbAutoConfiguration.VALUE_CODEC_BEAN_NAME)).isSameAs(ValueCodec.json());
		});
	}

	@Test
	void eachShortFormMeansTheElementsDefaults() {
		this.contextRunner
			.withPropertyValues("jovo.redis.stored-elements.session=true", "jovo.redis.stored-elements.history=true")
			.run((context) -> {
				assertThat(options(context).storedElements().session()).isEqualTo(SessionElement.on());
				assertThat(options(context).storedElements().history()).isEqualTo(HistoryElement.on());
			});
		this.contextRunner.withPropertyValues("jovo.redis.stored-elements.user=false")
			.run((context) -> assertThat(options(context).storedElements().user()).isFalse());
	}

	@Test
	void bindsTheSplitExample() {
		this.contextRunner.withPropertyValues(SplitExample.PROPERTIES)
			.run((context) -> assertThat(options(context)).isEqualTo(SplitExample.options()));
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
			StoreOptions options = options(context);
			assertThat(options.storedElements().user()).isTrue();
			assertThat(options.storedElements().session().enabled()).isTrue();
			assertThat(options.storedElements().createdAt()).isFalse();
			assertThat(options.storedElements().history()).isEqualTo(HistoryElement.of(1, "output", "asr"));
			assertThat(options.entries()).containsExactly(
					dev.redisdb.Entry.of("user", dev.redisdb.StoredElement.USER, dev.redisdb.StoredElement.UPDATED_AT),
					dev.redisdb.Entry.of("session", dev.redisdb.StoredElement.SESSION, dev.redisdb.StoredElement.HISTORY)
						.withTtlSeconds(1200));
		});
		this.contextRunner.withInitializer((context) -> addYaml(context, """
				jovo.redis.stored-elements:
				  session: false
				  history: false
				  user: false
				  created-at: false
				  updated-at: true
				""")).run((context) -> {
			StoreOptions options = options(context);
			assertThat(options.storedElements().session().enabled()).isFalse();
			assertThat(options.storedElements().history().enabled()).isFalse();
			assertThat(options.storedElements().user()).isFalse();
		});
	}

	@Test
	void anObjectWithoutEnabledEnablesTheElement() {
		this.contextRunner
			.withPropertyValues("jovo.redis.stored-elements.session.expires-after-seconds=600",
					"jovo.redis.stored-elements.history.size=1")
			.run((context) -> {
				assertThat(options(context).storedElements().session()).isEqualTo(new SessionElement(true, 600));
				assertThat(options(context).storedElements().history()).isEqualTo(HistoryElement.of(1, "output", "nlu"));
			});
	}

	@Test
	void historyFlagsOfAnyNameKeepJovosOrderThenTheConfigurationsOrder() {
		this.contextRunner.withInitializer((context) -> addYaml(context, """
				jovo.redis.stored-elements.history:
				  zeta: true
				  asr: true
				  input: true
				  alpha: true
				  nlu: false
				  skipped: false
				""")).run((context) -> assertThat(options(context).storedElements().history().fields())
			.containsExactly("output", "asr", "zeta", "input", "alpha"));
	}

	@Test
	void historyFlagsAloneEnableTheHistoryAndEnabledFalseWins() {
		this.contextRunner.withPropertyValues("jovo.redis.stored-elements.history.myField=true")
			.run((context) -> assertThat(options(context).storedElements().history())
				.isEqualTo(HistoryElement.of(3, "output", "nlu", "myField")));
		this.contextRunner
			.withPropertyValues("jovo.redis.stored-elements.history.enabled=false",
					"jovo.redis.stored-elements.history.asr=true")
			.run((context) -> assertThat(options(context).storedElements().history().enabled()).isFalse());
	}

	@Test
	void failsAtStartupNamingThePropertyAndTheFix() {
		assertStartupFailure(new String[] { "jovo.redis.entries[0].id=user", "jovo.redis.entries[0].user=true",
				"jovo.redis.entries[0].created-at=true", "jovo.redis.entries[0].updated-at=true",
				"jovo.redis.entries[1].id=user" },
				"jovo.redis.entries[1].id 'user' is used by another entry: entry ids must be unique");
		assertStartupFailure(new String[] { "jovo.redis.stored-elements.session=true", "jovo.redis.entries[0].id=user",
				"jovo.redis.entries[0].user=true", "jovo.redis.entries[0].created-at=true",
				"jovo.redis.entries[0].updated-at=true" },
				"jovo.redis.stored-elements.session is enabled but no entry stores it, so its data would be lost: set "
						+ "'session: true' on one of the entries, or disable the element");
		assertStartupFailure(new String[] { "jovo.redis.entries[0].id=data", "jovo.redis.entries[0].user=true",
				"jovo.redis.entries[0].ttl-seconds=-5" },
				"jovo.redis.entries[0].ttl-seconds is -5: use 0 for no expiry or a positive number of seconds");
		assertStartupFailure(new String[] { "jovo.redis.entries[0].user=true" },
				"jovo.redis.entries[0].id is not set: give each entry a unique id such as 'user'");
		assertStartupFailure(new String[] { "jovo.redis.stored-elements.history.size=0" },
				"jovo.redis.stored-elements.history.size is 0: keep at least 1 item (default 3)");
		assertStartupFailure(new String[] { "jovo.redis.stored-elements.history.myField=sometimes" },
				"jovo.redis.stored-elements.history.myField is 'sometimes', not a flag: set a history field flag to "
						+ "true or false");
		assertStartupFailure(new String[] { "jovo.redis.hash-tag=true", "jovo.redis.key-prefix={app}" },
				"jovo.redis.key-prefix '{app}' contains '{' or '}', which hash-tag needs for the user id alone (Redis "
						+ "Cluster would hash the key by these braces): remove them, or turn hash-tag off");
	}

	@Test
	void failsAtStartupOnEveryNonPositiveLimit() {
		assertStartupFailure(new String[] { "jovo.redis.max-user-id-length=0" },
				"jovo.redis.max-user-id-length is 0: use a positive value (default 1024)");
		assertStartupFailure(new String[] { "jovo.redis.update-attempts=0" },
				"jovo.redis.update-attempts is 0: use a positive value (default 10)");
		assertStartupFailure(new String[] { "jovo.redis.max-value-size=0B" },
				"jovo.redis.max-value-size is 0: use a positive value (default 1MB)");
		assertStartupFailure(new String[] { "jovo.redis.timeout=0s" },
				"jovo.redis.timeout is PT0S: use a positive duration such as 2s");
		assertStartupFailure(new String[] { "jovo.redis.connect-timeout=-1s" },
				"jovo.redis.connect-timeout is PT-1S: use a positive duration such as 2s");
	}

	@Test
	void failsAtStartupOnABadConnectionStringWithoutShowingThePassword() {
		assertStartupFailure(new String[] { "jovo.redis.connection-string=redis://app:s3cret@host:port" },
				"jovo.redis.connection-string 'redis://app:****@host:port' is not a valid Redis URI: host, port or "
						+ "database number is malformed: use the form redis[s]://[[user][:password]@][host][:port][/db] "
						+ "(or redis-sentinel://), or leave it unset to use spring.data.redis.*");
		assertStartupFailure(new String[] { "jovo.redis.connection-string=http://app:s3cret@localhost:6379" },
				"jovo.redis.connection-string 'http://app:****@localhost:6379' is not a valid Redis URI: its scheme "
						+ "must be redis://, rediss:// or redis-sentinel://: use the form "
						+ "redis[s]://[[user][:password]@][host][:port][/db] (or redis-sentinel://), or leave it unset "
						+ "to use spring.data.redis.*");
		this.contextRunner.withPropertyValues("jovo.redis.connection-string=redis://app:s3cret@host:port")
			.run((context) -> assertThat(stackTraceOf(context.getStartupFailure())).doesNotContain("s3cret"));
	}

	@Test
	void failsAtStartupOnAnSslBundleWithoutATlsConnectionString() {
		assertStartupFailure(new String[] { "jovo.redis.ssl-bundle=redis" },
				"jovo.redis.ssl-bundle 'redis' is set but jovo.redis.connection-string is not, and the bundle applies "
						+ "to that connection only: for the application's connection use spring.data.redis.ssl.bundle "
						+ "instead");
		assertStartupFailure(new String[] { "jovo.redis.ssl-bundle=redis",
				"jovo.redis.connection-string=redis://app:secret@127.0.0.1:6380" },
				"jovo.redis.ssl-bundle 'redis' is set but jovo.redis.connection-string 'redis://app:****@127.0.0.1:6380' "
						+ "does not use TLS: start it with rediss:// (or rediss-sentinel://), or remove "
						+ "jovo.redis.ssl-bundle");
	}

	@Test
	void failsAtStartupOnACompressedEntryThatDoesNotExist() {
		assertStartupFailure(new String[] { "jovo.redis.compression.enabled=true", "jovo.redis.compression.entries=usr" },
				"jovo.redis.compression.entries[0] 'usr' names no entry: use one of [data]");
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
	void failureAnalysisShowsTheProblemAndTheAction() {
		this.contextRunner.withPropertyValues("jovo.redis.update-attempts=0").run((context) -> {
			FailureAnalysis analysis = new RedisDbFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.isEqualTo("Invalid configuration: jovo.redis.update-attempts is 0.");
			assertThat(analysis.getAction())
				.isEqualTo("Update your application's configuration: use a positive value (default 10).");
		});
	}

	@Test
	void warnsAboutAnEntryThatStoresNothingEnabled(CapturedOutput output) {
		this.contextRunner.withPropertyValues("jovo.redis.entries[0].id=data", "jovo.redis.entries[0].user=true",
				"jovo.redis.entries[0].created-at=true", "jovo.redis.entries[0].updated-at=true",
				"jovo.redis.entries[1].id=session", "jovo.redis.entries[1].session=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("Entry 'session' stores no enabled element and will not be written");
			});
	}

	@Test
	void compressionWrapsTheJsonCodec() {
		this.contextRunner.withPropertyValues("jovo.redis.compression.enabled=true", "jovo.redis.compression.threshold=100B")
			.run((context) -> {
				ValueCodec codec = context.getBean(RedisDbAutoConfiguration.VALUE_CODEC_BEAN_NAME, ValueCodec.class);
				DbItem item = new DbItem();
				item.setUser(new DbItem.UserPart(Map.of("notes", "x".repeat(500))));
				byte[] stored = codec.encode(new EntryKey("data", "data:U"), item);
				assertThat(stored.length).isLessThan(100);
				assertThat(stored[0] & 0xff).as("gzip magic").isEqualTo(0x1f);
				assertThat(codec.decode(new EntryKey("data", "data:U"), stored).getUser().data())
					.containsEntry("notes", "x".repeat(500));
			});
	}

	@Test
	void connectionStringBuildsTheStoresOwnFactory() {
		this.contextRunner
			.withPropertyValues("jovo.redis.connection-string=rediss://app:s3cret@redis.example:6380/3",
					"jovo.redis.timeout=750ms", "jovo.redis.connect-timeout=300ms")
			.run((context) -> {
				LettuceConnectionFactory factory = storeConnectionFactory(context);
				assertThat(factory).isNotSameAs(context.getBean(RedisConnectionFactory.class));
				assertThat(factory.getHostName()).isEqualTo("redis.example");
				assertThat(factory.getPort()).isEqualTo(6380);
				assertThat(factory.getDatabase()).isEqualTo(3);
				assertThat(factory.isUseSsl()).isTrue();
				assertThat(factory.getTimeout()).isEqualTo(750);
				assertThat(factory.getClientConfiguration().getClientName()).contains("redis-db");
				ClientOptions clientOptions = factory.getClientConfiguration().getClientOptions().orElseThrow();
				assertThat(clientOptions.getSocketOptions().getConnectTimeout()).isEqualTo(Duration.ofMillis(300));
				assertThat(clientOptions.getTimeoutOptions().getSource()).isInstanceOf(StoreCommandTimeout.class);
				assertThat(storeTemplate(context).getConnectionFactory()).isSameAs(factory);
				assertThat(context.getBean(RedisUserStore.class).options().timeout()).isEqualTo(Duration.ofMillis(750));
			});
	}

	@Test
	void blankConnectionStringMeansTheApplicationsRedis() {
		this.contextRunner.withPropertyValues("jovo.redis.connection-string= ").run((context) -> {
			assertThat(context).hasSingleBean(RedisUserStore.class)
				.doesNotHaveBean(RedisDbAutoConfiguration.CONNECTION_FACTORY_BEAN_NAME);
			assertThat(storeTemplate(context).getConnectionFactory())
				.isSameAs(context.getBean(LettuceConnectionFactory.class));
		});
	}

	@Test
	void theStoresCommandsTimeOutAfterItsTimeoutOnTheApplicationsConnectionWhoseOwnCommandsKeepBoots() {
		this.contextRunner.withPropertyValues("spring.data.redis.timeout=60s", "jovo.redis.timeout=1500ms")
			.run((context) -> {
				LettuceConnectionFactory application = context.getBean(LettuceConnectionFactory.class);
				assertThat(storeTemplate(context).getConnectionFactory()).isSameAs(application);
				assertThat(application.getTimeout()).isEqualTo(60_000);
				TimeoutOptions timeouts = application.getClientConfiguration()
					.getClientOptions()
					.orElseThrow()
					.getTimeoutOptions();
				assertThat(timeouts.isTimeoutCommands()).isTrue();
				assertThat(timeouts.getSource()).isInstanceOf(StoreCommandTimeout.class);
				assertThat(Duration.of(timeouts.getSource().getTimeout(null), timeouts.getSource().getTimeUnit().toChronoUnit()))
					.as("the application's commands").isEqualTo(Duration.ofSeconds(60));
				assertThat(context.getBean(RedisUserStore.class).options().timeout()).isEqualTo(Duration.ofMillis(1500));
			});
	}

	@Test
	void theApplicationsClusterConnectionGetsTopologyRefreshAndTheStoresTimeout() {
		this.contextRunner.withPropertyValues("spring.data.redis.cluster.nodes=127.0.0.1:7000,127.0.0.1:7001")
			.run((context) -> {
				LettuceConnectionFactory application = context.getBean(LettuceConnectionFactory.class);
				assertThat(storeTemplate(context).getConnectionFactory()).isSameAs(application);
				assertThat(application.isClusterAware()).isTrue();
				ClusterClientOptions options = (ClusterClientOptions) application.getClientConfiguration()
					.getClientOptions()
					.orElseThrow();
				assertThat(options.getTopologyRefreshOptions().isPeriodicRefreshEnabled()).isTrue();
				assertThat(options.getTimeoutOptions().getSource()).isInstanceOf(StoreCommandTimeout.class);
			});
	}

	@Test
	void theStoreUsesTheApplicationsSentinels() {
		this.contextRunner
			.withPropertyValues("spring.data.redis.sentinel.master=voice",
					"spring.data.redis.sentinel.nodes=127.0.0.1:26379,127.0.0.1:26380")
			.run((context) -> {
				LettuceConnectionFactory factory = (LettuceConnectionFactory) storeTemplate(context)
					.getConnectionFactory();
				assertThat(factory).isSameAs(context.getBean(LettuceConnectionFactory.class));
				assertThat(factory.isRedisSentinelAware()).isTrue();
			});
	}

	@Test
	void aFactoryTheApplicationDeclaredWhoseCommandsOutlastTheStoresTimeoutFailsAtStartupSayingWhatToDo() {
		this.contextRunner.withUserConfiguration(OwnLettuceFactoryConfiguration.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(RedisDbConfigurationException.class)
				.hasMessageContaining("jovo.redis.timeout is 2000 ms, but the connection factory times commands out "
						+ "after 60000 ms"));
	}

	@Test
	void aFactoryTheApplicationDeclaredIsTheStoresAsItIsWhenItsCommandsEndInTime() {
		this.contextRunner.withUserConfiguration(OwnLettuceFactoryWithTimeoutConfiguration.class)
			.run((context) -> assertThat(storeTemplate(context).getConnectionFactory())
				.isSameAs(context.getBean("myConnectionFactory")));
	}

	@Test
	void theFactoryMarkedForTheStoreIsTheStoresAndTheApplicationKeepsItsOwn() {
		this.contextRunner.withUserConfiguration(TwoConnectionFactoriesConfiguration.class,
				MarkedConnectionFactoryConfiguration.class).run((context) -> {
			assertThat(storeTemplate(context).getConnectionFactory()).isSameAs(context.getBean("storeFactory"));
			assertThat(context).hasSingleBean(RedisUserStore.class);
		});
	}

	private static LettuceConnectionFactory storeConnectionFactory(AssertableApplicationContext context) {
		return context.getBean(RedisDbAutoConfiguration.CONNECTION_FACTORY_BEAN_NAME, LettuceConnectionFactory.class);
	}

	@SuppressWarnings("unchecked")
	private static RedisTemplate<String, byte[]> storeTemplate(AssertableApplicationContext context) {
		return context.getBean(RedisDbAutoConfiguration.TEMPLATE_BEAN_NAME, RedisTemplate.class);
	}

	@Test
	void twoApplicationConnectionFactoriesWithoutAMarkFailAtStartupSayingWhatToDo() {
		this.contextRunner.withUserConfiguration(TwoConnectionFactoriesConfiguration.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(RedisDbConfigurationException.class)
				.hasMessageContaining("no single RedisConnectionFactory (the application has 2)")
				.hasMessageContaining("mark the factory the store uses with @RedisDbConnectionFactory"));
	}

	@Test
	void aConnectionFactoryThatIsNotLettuceFailsAtStartupSayingWhatToDo() {
		this.contextRunner.withUserConfiguration(OtherClientConfiguration.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(RedisDbConfigurationException.class)
				.hasMessageContaining("but it needs Lettuce: use Lettuce (Spring Boot's default client) or set "
						+ "jovo.redis.connection-string"));
	}

	@Test
	void backsOffWhenUserDefinesKeyStrategy() {
		this.contextRunner.withUserConfiguration(CustomKeyStrategyConfiguration.class)
			.run((context) -> assertThat(context).getBean(KeyStrategy.class)
				.isSameAs(CustomKeyStrategyConfiguration.STRATEGY));
	}

	@Test
	void aValueCodecOfTheApplicationIsTheStoresCodecWhenNoPropertyTransformsIt() {
		this.contextRunner.withUserConfiguration(CustomValueCodecConfiguration.class)
			.run((context) -> assertThat(context).getBean(RedisDbAutoConfiguration.VALUE_CODEC_BEAN_NAME)
				.isSameAs(CustomValueCodecConfiguration.CODEC));
	}

	@Test
	void backsOffWhenUserDefinesRedisUserStore() {
		this.contextRunner.withUserConfiguration(CustomStoreConfiguration.class)
			.run((context) -> assertThat(context).getBean(RedisUserStore.class).isSameAs(context.getBean("myStore")));
	}

	@Test
	void backsOffWhenUserDefinesTheStoresTemplate() {
		this.contextRunner.withUserConfiguration(CustomTemplateConfiguration.class)
			.run((context) -> assertThat(storeTemplate(context)).isSameAs(context.getBean("myTemplate"))
				.isSameAs(context.getBean(RedisDbAutoConfiguration.TEMPLATE_BEAN_NAME)));
	}

	@Test
	void metadataDescribesEveryPropertyWithItsDefault() throws IOException {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
		Map<String, JsonNode> properties = new HashMap<>();
		metadata.get("properties").forEach((property) -> properties.put(property.get("name").asString(), property));
		assertThat(properties.values()).allSatisfy((property) -> assertThat(property.hasNonNull("description"))
			.as(property.get("name").asString())
			.isTrue());
		Map<String, String> defaults = Map.of("jovo.redis.key-separator", ":", "jovo.redis.key-prefix", "",
				"jovo.redis.stored-elements.session.expires-after-seconds", "900",
				"jovo.redis.stored-elements.history.size", "3", "jovo.redis.stored-elements.user.enabled", "true",
				"jovo.redis.stored-elements.history.output", "true", "jovo.redis.max-value-size", "1MB",
				"jovo.redis.compression.threshold", "1KB", "jovo.redis.update-attempts", "10");
		defaults.forEach((name, value) -> assertThat(properties.get(name).get("defaultValue").asString()).as(name)
			.isEqualTo(value));
		assertThat(properties).containsKeys("jovo.redis.connection-string", "jovo.redis.entries",
				"jovo.redis.entries[0].ttl-seconds", "jovo.redis.stored-elements.history.input",
				"jovo.redis.stored-elements.created-at.enabled", "jovo.redis.hash-tag", "jovo.redis.ssl-bundle");
		assertThat(properties).as("one spelling per history flag").doesNotContainKey(
				"jovo.redis.stored-elements.history.other-fields");
	}

	private static StoreOptions options(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(StoreOptions.class);
	}

	private void assertStartupFailure(String[] properties, String message) {
		this.contextRunner.withPropertyValues(properties)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(RedisDbConfigurationException.class)
				.hasMessage(message));
	}

	private static void addYaml(ConfigurableApplicationContext context, String yaml) {
		try {
			new YamlPropertySourceLoader().load("test.yml", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)))
				.forEach(context.getEnvironment().getPropertySources()::addFirst);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomKeyStrategyConfiguration {

		static final KeyStrategy STRATEGY = (userId, entry, options, context) -> "custom/" + entry.id() + "/" + userId;

		@Bean
		KeyStrategy customKeyStrategy() {
			return STRATEGY;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomValueCodecConfiguration {

		static final ValueCodec CODEC = ValueCodec.json().andThen(dev.redisdb.ValueTransform.compression(
				org.springframework.util.unit.DataSize.ofBytes(10)));

		@Bean
		ValueCodec customCodec() {
			return CODEC;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomStoreConfiguration {

		@Bean
		RedisUserStore myStore(RedisConnectionFactory connectionFactory) {
			return new RedisUserStore(RedisUserStore.template(connectionFactory), StoreOptions.defaults(),
					KeyStrategy.jovo(), ValueCodec.json());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomTemplateConfiguration {

		@Bean(name = { "myTemplate", RedisDbAutoConfiguration.TEMPLATE_BEAN_NAME })
		RedisTemplate<String, byte[]> myTemplate(RedisConnectionFactory connectionFactory) {
			return RedisUserStore.template(connectionFactory);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnLettuceFactoryConfiguration {

		@Bean
		LettuceConnectionFactory myConnectionFactory() {
			return new LettuceConnectionFactory("redis.example", 6380);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoConnectionFactoriesConfiguration {

		@Bean
		LettuceConnectionFactory first() {
			return new LettuceConnectionFactory();
		}

		@Bean
		LettuceConnectionFactory second() {
			return new LettuceConnectionFactory();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MarkedConnectionFactoryConfiguration {

		@Bean(defaultCandidate = false)
		@RedisDbConnectionFactory
		LettuceConnectionFactory storeFactory() {
			return new LettuceConnectionFactory(new RedisStandaloneConfiguration("redis.example", 6390),
					LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnLettuceFactoryWithTimeoutConfiguration {

		@Bean
		LettuceConnectionFactory myConnectionFactory() {
			return new LettuceConnectionFactory(new RedisStandaloneConfiguration("redis.example", 6380),
					LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(1)).build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OtherClientConfiguration {

		@Bean
		RedisConnectionFactory otherClientConnectionFactory() {
			return new OtherClientConnectionFactory();
		}

	}

	/** Stands for a client other than Lettuce (Jedis, say); the store refuses it before using it. */
	static final class OtherClientConnectionFactory implements RedisConnectionFactory {

		@Override
		public RedisConnection getConnection() {
			throw new UnsupportedOperationException();
		}

		@Override
		public RedisClusterConnection getClusterConnection() {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean getConvertPipelineAndTxResults() {
			return false;
		}

		@Override
		public RedisSentinelConnection getSentinelConnection() {
			throw new UnsupportedOperationException();
		}

		@Override
		public org.springframework.dao.DataAccessException translateExceptionIfPossible(RuntimeException ex) {
			return null;
		}

	}

}

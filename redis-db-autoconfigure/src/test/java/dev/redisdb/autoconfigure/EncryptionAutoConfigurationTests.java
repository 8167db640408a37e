package dev.redisdb.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import dev.redisdb.DbItem;
import dev.redisdb.EntryKey;
import dev.redisdb.SplitExample;
import dev.redisdb.ValueCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jovo.redis.encryption.*}: the codec it builds, the startup failures that name the property and never a key,
 * and a properties {@code toString()} without keys.
 */
@ExtendWith(OutputCaptureExtension.class)
class EncryptionAutoConfigurationTests {

	static final String KEY_2024 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	static final String KEY_2025 = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class))
		.withPropertyValues(SplitExample.PROPERTIES);

	@Test
	void encryptsTheConfiguredEntriesAfterCompression() {
		this.contextRunner
			.withPropertyValues("jovo.redis.encryption.keys.k2024=" + KEY_2024, "jovo.redis.encryption.active-key=k2024",
					"jovo.redis.encryption.entries=user", "jovo.redis.compression.enabled=true",
					"jovo.redis.compression.threshold=100B")
			.run((context) -> {
				ValueCodec codec = codec(context);
				EntryKey user = new EntryKey("user", "myapp:user:U");
				byte[] stored = codec.encode(user, item("x".repeat(2000)));
				assertThat(stored[0] & 0xff).isEqualTo(0xA5);
				assertThat(stored.length).as("compressed before encryption").isLessThan(200);
				assertThat(codec.decode(user, stored).getUser().data()).containsEntry("notes", "x".repeat(2000));
				EntryKey history = new EntryKey("history", "myapp:history:U");
				assertThat(codec.encode(history, item("a"))[0]).isEqualTo((byte) '{');
			});
	}

	@Test
	void encryptsEveryEntryByDefault() {
		this.contextRunner
			.withPropertyValues("jovo.redis.encryption.keys.k2024=" + KEY_2024, "jovo.redis.encryption.active-key=k2024")
			.run((context) -> {
				ValueCodec codec = codec(context);
				for (String entry : new String[] { "user", "session", "history" }) {
					assertThat(codec.encode(new EntryKey(entry, "myapp:" + entry + ":U"), item("a"))[0] & 0xff).as(entry)
						.isEqualTo(0xA5);
				}
			});
	}

	@Test
	void failsAtStartupNamingThePropertyAndNeverTheKey() {
		assertStartupFailure("jovo.redis.encryption.keys.k2024 is 128 bits long, but AES-256 needs 256 bits (32 "
				+ "bytes): have it set to the base64 of 256 random bits, such as the output of 'openssl rand -base64 32'",
				"jovo.redis.encryption.keys.k2024=AAECAwQFBgcICQoLDA0ODw==", "jovo.redis.encryption.active-key=k2024");
		assertStartupFailure("jovo.redis.encryption.keys.k2024 is not base64: have it set to the base64 of 256 random "
				+ "bits, such as the output of 'openssl rand -base64 32'",
				"jovo.redis.encryption.keys.k2024=not a key!", "jovo.redis.encryption.active-key=k2024");
		assertStartupFailure("jovo.redis.encryption.keys holds no key, but jovo.redis.encryption.active-key 'k2024' "
				+ "needs one: add jovo.redis.encryption.keys.k2024 set to the base64 of 256 random bits, such as the "
				+ "output of 'openssl rand -base64 32'", "jovo.redis.encryption.active-key=k2024");
		assertStartupFailure("jovo.redis.encryption.active-key 'k2025' names no key: use one of [k2024], or add "
				+ "jovo.redis.encryption.keys.k2025 set to the base64 of 256 random bits, such as the output of "
				+ "'openssl rand -base64 32'", "jovo.redis.encryption.keys.k2024=" + KEY_2024,
				"jovo.redis.encryption.active-key=k2025");
		assertStartupFailure("jovo.redis.encryption.active-key is not set, but jovo.redis.encryption.keys holds "
				+ "[k2024], so nothing would be encrypted: set it to the id of the key that encrypts, one of [k2024]",
				"jovo.redis.encryption.keys.k2024=" + KEY_2024);
		assertStartupFailure("jovo.redis.encryption.entries[1] 'usr' names no entry: use one of [user, session, "
				+ "history]", "jovo.redis.encryption.keys.k2024=" + KEY_2024, "jovo.redis.encryption.active-key=k2024",
				"jovo.redis.encryption.entries=user,usr");
	}

	@Test
	void propertiesToStringNamesKeyIdsOnly(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("jovo.redis.encryption.keys.k2024=" + KEY_2024,
					"jovo.redis.encryption.keys.k2025=" + KEY_2025, "jovo.redis.encryption.active-key=k2025")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(RedisDbProperties.class).toString())
					.contains("encryption=Encryption[keys=[k2024=****, k2025=****], activeKey=k2025, entries=[]]")
					.doesNotContain(KEY_2024.substring(0, 20))
					.doesNotContain(KEY_2025.substring(0, 20));
				assertThat(codec(context).toString()).doesNotContain(KEY_2024.substring(0, 20));
			});
		assertThat(output).doesNotContain(KEY_2024.substring(0, 20)).doesNotContain(KEY_2025.substring(0, 20));
	}

	@Test
	void metadataDescribesTheEncryptionProperties() throws IOException {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
		Map<String, String> descriptions = new HashMap<>();
		metadata.get("properties")
			.forEach((property) -> descriptions.put(property.get("name").asString(),
					property.path("description").asString("")));
		assertThat(descriptions.get("jovo.redis.encryption.keys")).startsWith("Encryption keys by id, each the base64 "
				+ "of 256 random bits");
		assertThat(descriptions.get("jovo.redis.encryption.active-key"))
			.isEqualTo("Id of the key that encrypts every saved value; setting it turns encryption on.");
		assertThat(descriptions.get("jovo.redis.encryption.entries"))
			.isEqualTo("Ids of the entries to encrypt; all entries when empty.");
	}

	private static ValueCodec codec(AssertableApplicationContext context) {
		return context.getBean(RedisDbAutoConfiguration.VALUE_CODEC_BEAN_NAME, ValueCodec.class);
	}

	private void assertStartupFailure(String message, String... properties) {
		this.contextRunner.withPropertyValues(properties)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(RedisDbConfigurationException.class)
				.hasMessage(message)
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(KEY_2024.substring(0, 20))));
	}

	private static DbItem item(String notes) {
		DbItem item = new DbItem();
		item.setUser(new DbItem.UserPart(Map.of("notes", notes)));
		return item;
	}

}

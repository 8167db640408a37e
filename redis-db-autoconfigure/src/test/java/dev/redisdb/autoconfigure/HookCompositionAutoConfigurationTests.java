package dev.redisdb.autoconfigure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import javax.crypto.spec.SecretKeySpec;

import dev.redisdb.DbItem;
import dev.redisdb.EntryKey;
import dev.redisdb.KeyStrategy;
import dev.redisdb.RedisUserStore;
import dev.redisdb.SplitExample;
import dev.redisdb.StoreOptions;
import dev.redisdb.ValueCodec;
import dev.redisdb.ValueTransform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the application's hooks compose with {@code jovo.redis.*}: its {@link ValueCodec} is the base that compression
 * and encryption from the properties apply to, {@link ValueCodecCustomizer}s and {@link StoreOptionsCustomizer}s
 * change what the properties set, a {@link StoreOptions} bean stops the application, and a {@link KeyStrategy} that
 * ignores the hash tag is reported.
 */
@ExtendWith(OutputCaptureExtension.class)
class HookCompositionAutoConfigurationTests {

	private static final String KEY = EncryptionAutoConfigurationTests.KEY_2024;

	private static final String[] ENCRYPT_USER_ENTRY = { "jovo.redis.encryption.keys.k2024=" + KEY,
			"jovo.redis.encryption.active-key=k2024", "jovo.redis.encryption.entries=user" };

	private static final String[] COMPRESS_USER_ENTRY = { "jovo.redis.compression.enabled=true",
			"jovo.redis.compression.threshold=100B", "jovo.redis.compression.entries=user" };

	private static final EntryKey USER = new EntryKey("user", "myapp:user:U");

	private static final EntryKey HISTORY = new EntryKey("history", "myapp:history:U");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class))
		.withPropertyValues(SplitExample.PROPERTIES);

	@Test
	void encryptionFromPropertiesAppliesToTheApplicationsCodec() {
		this.contextRunner.withUserConfiguration(MarkingCodecConfiguration.class)
			.withPropertyValues(ENCRYPT_USER_ENTRY)
			.run((context) -> {
				ValueCodec codec = storeCodec(context);
				byte[] stored = codec.encode(USER, item("a"));
				assertThat(stored[0] & 0xff).as("an encryption envelope").isEqualTo(0xA5);
				assertThat(text(decrypt(stored))).startsWith("v1:{\"user\"");
				assertThat(codec.decode(USER, stored).getUser().data()).containsEntry("notes", "a");
				assertThat(text(codec.encode(HISTORY, item("a")))).as("an entry not encrypted")
					.startsWith("v1:{\"user\"");
			});
	}

	@Test
	void compressionFromPropertiesAppliesToTheApplicationsCodec() {
		this.contextRunner.withUserConfiguration(MarkingCodecConfiguration.class)
			.withPropertyValues(COMPRESS_USER_ENTRY)
			.run((context) -> {
				ValueCodec codec = storeCodec(context);
				byte[] stored = codec.encode(USER, item("x".repeat(500)));
				assertThat(stored[0] & 0xff).as("gzip magic").isEqualTo(0x1f);
				assertThat(text(gunzip(stored))).startsWith("v1:{\"user\"");
				assertThat(codec.decode(USER, stored).getUser().data()).containsEntry("notes", "x".repeat(500));
				assertThat(text(codec.encode(HISTORY, item("x".repeat(500))))).as("an entry not compressed")
					.startsWith("v1:{\"user\"");
			});
	}

	@Test
	void theApplicationsCodecIsCompressedThenEncrypted() {
		this.contextRunner.withUserConfiguration(MarkingCodecConfiguration.class)
			.withPropertyValues(COMPRESS_USER_ENTRY)
			.withPropertyValues(ENCRYPT_USER_ENTRY)
			.run((context) -> {
				byte[] stored = storeCodec(context).encode(USER, item("x".repeat(500)));
				assertThat(stored[0] & 0xff).isEqualTo(0xA5);
				assertThat(text(gunzip(decrypt(stored)))).startsWith("v1:{\"user\"");
			});
	}

	@Test
	void theApplicationKeepsItsOwnCodecWhileTheStoreGetsTheComposedOne() {
		this.contextRunner.withUserConfiguration(MarkingCodecConfiguration.class)
			.withPropertyValues(ENCRYPT_USER_ENTRY)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ValueCodec.class)).as("injected by type")
					.isSameAs(MarkingCodecConfiguration.CODEC);
				assertThat(storeCodec(context)).isNotSameAs(MarkingCodecConfiguration.CODEC);
			});
	}

	@Test
	void withoutHooksOrTransformsTheStoreCodecIsJovosJson() {
		this.contextRunner.run((context) -> assertThat(storeCodec(context)).isSameAs(ValueCodec.json()));
	}

	@Test
	void codecCustomizersApplyInOrderBeforeCompressionAndEncryption() {
		this.contextRunner.withUserConfiguration(MarkingCodecConfiguration.class, CodecCustomizersConfiguration.class)
			.withPropertyValues(ENCRYPT_USER_ENTRY)
			.run((context) -> {
				ValueCodec codec = storeCodec(context);
				byte[] stored = codec.encode(USER, item("a"));
				assertThat(stored[0] & 0xff).isEqualTo(0xA5);
				assertThat(text(decrypt(stored))).startsWith("second:first:v1:{\"user\"");
				assertThat(codec.decode(USER, stored).getUser().data()).containsEntry("notes", "a");
				assertThat(text(codec.encode(HISTORY, item("a")))).startsWith("second:first:v1:{\"user\"");
			});
	}

	@Test
	void codecCustomizersWithoutACodecOfTheApplicationChangeJovosJson() {
		this.contextRunner.withUserConfiguration(CodecCustomizersConfiguration.class)
			.run((context) -> assertThat(text(storeCodec(context).encode(HISTORY, item("a"))))
				.startsWith("second:first:{\"user\""));
	}

	@Test
	void anOptionsCustomizerChangesOneOptionAndEveryPropertyStillApplies() {
		this.contextRunner.withUserConfiguration(OptionsCustomizerConfiguration.class)
			.withPropertyValues("jovo.redis.max-user-id-length=64")
			.run((context) -> {
				StoreOptions expected = SplitExample.builder().maxUserIdLength(64).updateAttempts(20).build();
				assertThat(context.getBean(StoreOptions.class)).isEqualTo(expected);
				assertThat(context.getBean(RedisUserStore.class).options()).isEqualTo(expected);
			});
	}

	@Test
	void optionsCustomizersApplyInOrder() {
		this.contextRunner.withUserConfiguration(OrderedOptionsCustomizersConfiguration.class)
			.run((context) -> assertThat(context.getBean(StoreOptions.class).updateAttempts()).isEqualTo(30));
	}

	@Test
	void encryptedEntriesAreCheckedAgainstTheCustomizedEntries() {
		this.contextRunner.withUserConfiguration(OptionsCustomizerConfiguration.class)
			.withPropertyValues("jovo.redis.encryption.keys.k2024=" + KEY, "jovo.redis.encryption.active-key=k2024",
					"jovo.redis.encryption.entries=data")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("jovo.redis.encryption.entries[0] 'data' names no entry: use one of [user, session, "
						+ "history]"));
	}

	@Test
	void anOptionsCustomizerThatBreaksTheOptionsFailsAtStartupSayingSo() {
		this.contextRunner.withBean(StoreOptionsCustomizer.class, () -> (options) -> options.keySeparator(""))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("IllegalStateException: StoreOptionsCustomizer beans changed the options from "
						+ "jovo.redis.* into ones that cannot work: key-separator must not be empty"));
	}

	@Test
	void aStoreOptionsBeanFailsAtStartupNamingItAndTheCustomizer() {
		this.contextRunner.withUserConfiguration(StoreOptionsBeanConfiguration.class).run((context) -> {
			assertThat(context).hasFailed()
				.getFailure()
				.as("thrown before any bean is created")
				.isInstanceOf(RedisDbConfigurationException.class)
				.hasMessage("jovo.redis sets the store's options, but the application declares a StoreOptions bean, "
						+ "'customOptions', which would drop every jovo.redis.* setting: remove it and declare a "
						+ "StoreOptionsCustomizer bean that changes what jovo.redis.* sets (a RedisUserStore the "
						+ "application builds itself takes its StoreOptions in its constructor, not as a bean)");
			FailureAnalysis analysis = new RedisDbFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).startsWith("Invalid configuration: jovo.redis sets the store's "
					+ "options, but the application declares a StoreOptions bean, 'customOptions'");
			assertThat(analysis.getAction()).startsWith("Update your application's configuration: remove it and "
					+ "declare a StoreOptionsCustomizer bean");
		});
	}

	@Test
	void aKeyStrategyThatIgnoresTheHashTagIsReportedAtStartup(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(PropertiesKeyStrategyConfiguration.class)
			.withPropertyValues("jovo.redis.hash-tag=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("jovo.redis.hash-tag is true, but KeyStrategy bean 'propertiesKeyStrategy' "
						+ "ignores StoreOptions.hashTag(): a user's entries [user, session, history] get keys in 3 Redis "
						+ "Cluster hash slots");
			});
	}

	@Test
	void keyStrategiesThatKeepTheHashTagAreNotReported(CapturedOutput output) {
		this.contextRunner.withPropertyValues("jovo.redis.hash-tag=true")
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withUserConfiguration(HashedKeyStrategyConfiguration.class)
			.withPropertyValues("jovo.redis.hash-tag=true")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("jovo.redis.hash-tag is true");
	}

	private static ValueCodec storeCodec(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(RedisDbAutoConfiguration.VALUE_CODEC_BEAN_NAME, ValueCodec.class);
	}

	private static DbItem item(String notes) {
		DbItem item = new DbItem();
		item.setUser(new DbItem.UserPart(Map.of("notes", notes)));
		return item;
	}

	private static byte[] decrypt(byte[] stored) {
		return ValueTransform.encryption(Map.of("k2024", new SecretKeySpec(Base64.getDecoder().decode(KEY), "AES")),
				"k2024")
			.revert(USER, stored);
	}

	private static byte[] gunzip(byte[] stored) {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(byte[] value) {
		return new String(value, StandardCharsets.UTF_8);
	}

	/** A transform that puts a mark in front of the value, and takes it off again. */
	static ValueTransform mark(String mark) {
		byte[] prefix = mark.getBytes(StandardCharsets.UTF_8);
		return ValueTransform.of((entry, value) -> {
			byte[] marked = Arrays.copyOf(prefix, prefix.length + value.length);
			System.arraycopy(value, 0, marked, prefix.length, value.length);
			return marked;
		}, (entry, stored) -> {
			assertThat(Arrays.copyOf(stored, prefix.length)).as("the mark " + mark).isEqualTo(prefix);
			return Arrays.copyOfRange(stored, prefix.length, stored.length);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class MarkingCodecConfiguration {

		static final ValueCodec CODEC = ValueCodec.json().andThen(mark("v1:"));

		@Bean
		ValueCodec markingCodec() {
			return CODEC;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CodecCustomizersConfiguration {

		@Bean
		@Order(2)
		ValueCodecCustomizer secondMark() {
			return (codec) -> codec.andThen(mark("second:"));
		}

		@Bean
		@Order(1)
		ValueCodecCustomizer firstMark() {
			return (codec) -> codec.andThen(mark("first:"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OptionsCustomizerConfiguration {

		@Bean
		StoreOptionsCustomizer moreAttempts() {
			return (options) -> options.updateAttempts(20);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedOptionsCustomizersConfiguration {

		@Bean
		@Order(2)
		StoreOptionsCustomizer thirtyAttempts() {
			return (options) -> options.updateAttempts(30);
		}

		@Bean
		@Order(1)
		StoreOptionsCustomizer twentyAttempts() {
			return (options) -> options.updateAttempts(20);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StoreOptionsBeanConfiguration {

		@Bean
		StoreOptions customOptions() {
			return SplitExample.options();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PropertiesKeyStrategyConfiguration {

		@Bean
		KeyStrategy propertiesKeyStrategy() {
			return (userId, entry, options, context) -> String.join(options.keySeparator(), "custom",
					options.keyPrefix(), entry.id(), userId);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HashedKeyStrategyConfiguration {

		@Bean
		KeyStrategy hashedKeyStrategy() {
			KeyStrategy jovo = KeyStrategy.jovo();
			return (userId, entry, options, context) -> jovo.createKey("h-" + userId.hashCode(), entry, options,
					context);
		}

	}

}

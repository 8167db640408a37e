package dev.redisdb.autoconfigure.asksdk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.amazon.ask.Skill;
import com.amazon.ask.attributes.persistence.PersistenceAdapter;
import com.amazon.ask.exception.PersistenceException;
import com.amazon.ask.exception.UnhandledSkillException;
import com.amazon.ask.model.RequestEnvelope;
import dev.redisdb.KeyStrategy;
import dev.redisdb.RedisDbUnavailableException;
import dev.redisdb.RedisUserStore;
import dev.redisdb.SplitExample;
import dev.redisdb.StoreFixture;
import dev.redisdb.StoreOptions;
import dev.redisdb.ValueCodec;
import dev.redisdb.ValueTransform;
import dev.redisdb.autoconfigure.RedisDbAutoConfiguration;
import dev.redisdb.test.RedisServer;
import dev.redisdb.test.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * ASK SDK skills ({@code Skill.invoke} on Alexa request envelopes) keeping their persistent attributes in a real
 * Redis through the adapter: the stored keys, JSON and TTLs are Jovo's.
 */
class RedisPersistenceAdapterIntegrationTests {

	private static final String USER = "amzn1.ask.account.TESTUSER";

	private static final String OTHER_USER = "amzn1.ask.account.OTHERUSER";

	private static final String DEVICE = "amzn1.ask.device.TESTDEVICE";

	private static final String SESSION = "amzn1.echo-api.session.1";

	private static final Pattern TIMESTAMP = Pattern.compile("\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z\"");

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private StoreFixture fixture;

	@BeforeEach
	void connect() {
		this.fixture = new StoreFixture(redis.server());
	}

	@AfterEach
	void disconnect() {
		this.fixture.close();
	}

	@Test
	void aUserNeverStoredHasNoPersistentAttributes() {
		PersistenceAdapter adapter = new RedisPersistenceAdapter(this.fixture.store(StoreOptions.defaults()));

		assertThat(adapter.getAttributes(Envelopes.launch(USER, DEVICE, SESSION))).isEmpty();
		assertThat(redis.server().dbSize()).isZero();
	}

	@Test
	void aLaunchStoresTheAttributesAsJovosUserData() {
		Skill skill = VisitSkill.on(new RedisPersistenceAdapter(this.fixture.store(StoreOptions.defaults())));

		assertThat(VisitSkill.speech(skill.invoke(Envelopes.launch(USER, DEVICE, SESSION))))
			.isEqualTo("Hello stranger, visit 1");

		assertThat(stored("data:" + USER))
			.isEqualTo("{\"user\":{\"data\":{\"visits\":1}},\"createdAt\":<ts>,\"updatedAt\":<ts>}");
		assertThat(redis.server().ttl("data:" + USER)).isEqualTo(-1);
	}

	@Test
	void theNextRequestsReadTheAttributesBackAndKeepCreatedAt() throws InterruptedException {
		Skill skill = VisitSkill.on(new RedisPersistenceAdapter(this.fixture.store(StoreOptions.defaults())));
		skill.invoke(Envelopes.launch(USER, DEVICE, SESSION));
		String createdAt = field(redis.server().get("data:" + USER), "createdAt");
		Thread.sleep(5);

		assertThat(VisitSkill.speech(skill.invoke(Envelopes.myNameIs(USER, DEVICE, SESSION, "Anna")))).isEqualTo("Hi Anna");
		assertThat(VisitSkill.speech(skill.invoke(Envelopes.launch(USER, DEVICE, "amzn1.echo-api.session.2"))))
			.isEqualTo("Hello Anna, visit 2");

		String value = redis.server().get("data:" + USER);
		assertThat(TIMESTAMP.matcher(value).replaceAll("<ts>"))
			.isEqualTo("{\"user\":{\"data\":{\"visits\":2,\"name\":\"Anna\"}},\"createdAt\":<ts>,\"updatedAt\":<ts>}");
		assertThat(field(value, "createdAt")).isEqualTo(createdAt);
		assertThat(field(value, "updatedAt")).isGreaterThan(createdAt);
	}

	@Test
	void aReadIsOneMgetAndASaveOneMgetAndOneSet() {
		PersistenceAdapter adapter = new RedisPersistenceAdapter(this.fixture.store(StoreOptions.defaults()));
		RequestEnvelope envelope = Envelopes.launch(USER, DEVICE, SESSION);
		adapter.saveAttributes(envelope, new HashMap<>(Map.of("visits", 1)));

		Map<String, Long> before = redis.server().commandCalls();
		Map<String, Object> attributes = adapter.getAttributes(envelope).orElseThrow();
		assertThat(callsSince(before)).isEqualTo(Map.of("mget", 1L));

		attributes.put("visits", 2);
		before = redis.server().commandCalls();
		adapter.saveAttributes(envelope, attributes);
		assertThat(callsSince(before)).isEqualTo(Map.of("mget", 1L, "set", 1L));

		before = redis.server().commandCalls();
		adapter.deleteAttributes(envelope);
		assertThat(callsSince(before)).as("one script, which deletes inside").containsEntry("evalsha", 1L)
			.containsOnlyKeys("evalsha", "del", "hkeys");
	}

	@Test
	void theSplitConfigurationStoresJovosEntriesWithTheirTtls() {
		Skill skill = VisitSkill.on(new RedisPersistenceAdapter(this.fixture.store(SplitExample.options())));

		skill.invoke(Envelopes.launch(USER, DEVICE, SESSION));
		skill.invoke(Envelopes.myNameIs(USER, DEVICE, SESSION, "Anna"));

		assertThat(stored("myapp:user:" + USER)).isEqualTo(
				"{\"user\":{\"data\":{\"visits\":1,\"name\":\"Anna\"}},\"createdAt\":<ts>,\"updatedAt\":<ts>}");
		assertThat(redis.server().ttl("myapp:user:" + USER)).isEqualTo(-1);
		assertThat(stored("myapp:session:" + USER)).isEqualTo(
				"{\"session\":{\"id\":\"" + SESSION + "\",\"data\":{},\"createdAt\":<ts>,\"updatedAt\":<ts>}}");
		assertThat(redis.server().ttl("myapp:session:" + USER)).isBetween(1190L, 1200L);
		assertThat(stored("myapp:history:" + USER)).isEqualTo("{\"history\":{\"items\":[]}}");
		assertThat(redis.server().ttl("myapp:history:" + USER)).isBetween(1190L, 1200L);
		assertThat(VisitSkill.speech(skill.invoke(Envelopes.launch(USER, DEVICE, SESSION))))
			.isEqualTo("Hello Anna, visit 2");
	}

	@Test
	void attributesAJovoAppStoredAreTheSkillsAndItsOtherFieldsStay() {
		redis.server().call((commands) -> commands.set("data:" + USER, "{\"user\":{\"data\":{\"name\":\"Ann\","
				+ "\"visits\":3}},\"createdAt\":\"2025-01-02T03:04:05.678Z\",\"updatedAt\":\"2025-01-02T03:04:05.678Z\","
				+ "\"migratedBy\":\"jovo\"}"));
		Skill skill = VisitSkill.on(new RedisPersistenceAdapter(this.fixture.store(StoreOptions.defaults())));

		assertThat(VisitSkill.speech(skill.invoke(Envelopes.launch(USER, DEVICE, SESSION)))).isEqualTo("Hello Ann, visit 4");

		String value = redis.server().get("data:" + USER);
		assertThat(value).startsWith("{\"user\":{\"data\":{\"name\":\"Ann\",\"visits\":4}},"
				+ "\"createdAt\":\"2025-01-02T03:04:05.678Z\",\"updatedAt\":\"").endsWith(",\"migratedBy\":\"jovo\"}");
	}

	@Test
	void aSessionEndThatTouchesNoAttributesWritesNothing() {
		Skill skill = VisitSkill.on(new RedisPersistenceAdapter(this.fixture.store(StoreOptions.defaults())));
		skill.invoke(Envelopes.launch(USER, DEVICE, SESSION));
		String before = redis.server().get("data:" + USER);

		assertThat(skill.invoke(Envelopes.sessionEnded(USER, DEVICE, SESSION)).getResponse().getOutputSpeech()).isNull();

		assertThat(redis.server().get("data:" + USER)).isEqualTo(before);
	}

	@Test
	void deletingTheAttributesErasesEveryEntryOfTheUser() {
		PersistenceAdapter adapter = new RedisPersistenceAdapter(this.fixture.store(SplitExample.options()));
		Skill skill = VisitSkill.on(adapter);
		skill.invoke(Envelopes.myNameIs(USER, DEVICE, SESSION, "Anna"));
		skill.invoke(Envelopes.launch(OTHER_USER, DEVICE, "amzn1.echo-api.session.2"));
		assertThat(redis.server().dbSize()).isEqualTo(6);

		assertThat(VisitSkill.speech(skill.invoke(Envelopes.intent(USER, DEVICE, SESSION, "ForgetMeIntent"))))
			.isEqualTo("Forgotten");

		assertThat(redis.server().exists("myapp:user:" + USER)).isFalse();
		assertThat(redis.server().exists("myapp:session:" + USER)).isFalse();
		assertThat(redis.server().exists("myapp:history:" + USER)).isFalse();
		assertThat(redis.server().exists("myapp:user:" + OTHER_USER)).isTrue();
		assertThat(adapter.getAttributes(Envelopes.launch(USER, DEVICE, SESSION))).isEmpty();
	}

	@Test
	void deviceIdsKeyTheAttributesByDevice() {
		Skill skill = VisitSkill
			.on(new RedisPersistenceAdapter(this.fixture.store(StoreOptions.defaults()), AskSdkIds.deviceId()));

		skill.invoke(Envelopes.launch(USER, DEVICE, SESSION));
		assertThat(VisitSkill.speech(skill.invoke(Envelopes.launch(OTHER_USER, DEVICE, "amzn1.echo-api.session.2"))))
			.isEqualTo("Hello stranger, visit 2");

		assertThat(stored("data:" + DEVICE))
			.isEqualTo("{\"user\":{\"data\":{\"visits\":2}},\"createdAt\":<ts>,\"updatedAt\":<ts>}");
		assertThat(redis.server().dbSize()).isEqualTo(1);
	}

	@Test
	void anEnvelopeWithoutTheIdIsAPersistenceExceptionAndNothingIsStored() {
		RedisUserStore store = this.fixture.store(StoreOptions.defaults());
		RequestEnvelope envelope = Envelopes.withoutIds();
		PersistenceAdapter byUser = new RedisPersistenceAdapter(store);
		PersistenceAdapter byDevice = new RedisPersistenceAdapter(store, AskSdkIds.deviceId());
		String noUser = "Cannot key persistent attributes: the request envelope has no context.System.user.userId";

		assertThatExceptionOfType(PersistenceException.class).isThrownBy(() -> byUser.getAttributes(envelope))
			.withMessage(noUser);
		assertThatExceptionOfType(PersistenceException.class)
			.isThrownBy(() -> byUser.saveAttributes(envelope, new HashMap<>()))
			.withMessage(noUser);
		assertThatExceptionOfType(PersistenceException.class).isThrownBy(() -> byUser.deleteAttributes(envelope))
			.withMessage(noUser);
		assertThatExceptionOfType(PersistenceException.class).isThrownBy(() -> byDevice.getAttributes(envelope))
			.withMessage("Cannot key persistent attributes: the request envelope has no context.System.device.deviceId");
		assertThatExceptionOfType(UnhandledSkillException.class).isThrownBy(() -> VisitSkill.on(byUser).invoke(envelope))
			.havingCause()
			.isInstanceOf(PersistenceException.class)
			.withMessage(noUser);
		assertThat(redis.server().dbSize()).isZero();
	}

	@Test
	void anIdTheStoreRefusesIsAPersistenceException() {
		PersistenceAdapter adapter = new RedisPersistenceAdapter(
				this.fixture.store(StoreOptions.defaults().toBuilder().maxUserIdLength(10).build()));

		assertThatExceptionOfType(PersistenceException.class)
			.isThrownBy(() -> adapter.getAttributes(Envelopes.launch(USER, DEVICE, SESSION)))
			.withMessage("Cannot read persistent attributes: userId is " + USER.length() + " characters long, more "
					+ "than max-user-id-length (10)")
			.withCauseInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anUnavailableRedisIsAPersistenceExceptionWithTheStoresMessageAndNoPassword() {
		String password = "s3cret-Pa55";
		RedisServer doomed = RedisServer.start("--requirepass", password);
		try {
			new ApplicationContextRunner()
				.withConfiguration(
						AutoConfigurations.of(RedisDbAutoConfiguration.class, RedisDbAskSdkAutoConfiguration.class))
				.withPropertyValues("jovo.redis.connection-string=redis://:" + password + "@127.0.0.1:" + doomed.port(),
						"jovo.redis.timeout=500ms", "jovo.redis.connect-timeout=500ms")
				.run((context) -> {
					PersistenceAdapter adapter = context.getBean(PersistenceAdapter.class);
					RequestEnvelope envelope = Envelopes.launch(USER, DEVICE, SESSION);
					assertThat(adapter.getAttributes(envelope)).isEmpty();
					doomed.kill();

					assertThatExceptionOfType(PersistenceException.class).isThrownBy(() -> adapter.getAttributes(envelope))
						.withMessageStartingWith("Cannot read persistent attributes: Cannot load user: Redis is unavailable")
						.withMessageNotContaining(password)
						.withCauseInstanceOf(RedisDbUnavailableException.class);
					assertThatExceptionOfType(PersistenceException.class)
						.isThrownBy(() -> adapter.saveAttributes(envelope, new HashMap<>()))
						.withMessageStartingWith("Cannot save persistent attributes: ")
						.withMessageNotContaining(password)
						.withCauseInstanceOf(RedisDbUnavailableException.class);
					assertThatExceptionOfType(PersistenceException.class).isThrownBy(() -> adapter.deleteAttributes(envelope))
						.withMessageStartingWith("Cannot delete persistent attributes: ")
						.withMessageNotContaining(password)
						.withCauseInstanceOf(RedisDbUnavailableException.class);
				});
		}
		finally {
			doomed.close();
		}
	}

	@Test
	void theApplicationsKeyStrategyAndValueCodecApplyUnchanged() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RedisDbAutoConfiguration.class, RedisDbAskSdkAutoConfiguration.class))
			.withPropertyValues("jovo.redis.connection-string=" + redis.server().uri())
			.withPropertyValues(SplitExample.PROPERTIES)
			.withUserConfiguration(HashedAndEncryptedConfiguration.class)
			.run((context) -> {
				Skill skill = VisitSkill.on(context.getBean(PersistenceAdapter.class));
				skill.invoke(Envelopes.myNameIs(USER, DEVICE, SESSION, "Anna"));

				String userKey = "myapp:user:" + sha256Hex(USER);
				assertThat(redis.server().<List<String>>call((commands) -> commands.keys("*")))
					.containsExactlyInAnyOrder(userKey, "myapp:session:" + sha256Hex(USER),
							"myapp:history:" + sha256Hex(USER));
				assertThat(redis.server().get(userKey)).doesNotStartWith("{").doesNotContain("Anna").isBase64();
				assertThat(redis.server().get("myapp:session:" + sha256Hex(USER))).startsWith("{\"session\":");
				assertThat(VisitSkill.speech(skill.invoke(Envelopes.launch(USER, DEVICE, SESSION))))
					.isEqualTo("Hello Anna, visit 1");
				assertThat(context.getBean(RedisUserStore.class).load(USER).data()).containsEntry("name", "Anna")
					.containsEntry("visits", 1);
			});
	}

	private static String stored(String key) {
		String value = redis.server().get(key);
		assertThat(value).as(key).isNotNull();
		return TIMESTAMP.matcher(value).replaceAll("<ts>");
	}

	/** Commands since {@code before}, without the fixture's own ({@code INFO}, connection setup). */
	private static Map<String, Long> callsSince(Map<String, Long> before) {
		Map<String, Long> delta = new HashMap<>();
		redis.server().commandCalls().forEach((command, calls) -> {
			long added = calls - before.getOrDefault(command, 0L);
			boolean fixtureOwn = command.equals("info") || command.equals("hello") || command.startsWith("client");
			if (added > 0 && !fixtureOwn) {
				delta.put(command, added);
			}
		});
		return delta;
	}

	private static String field(String json, String name) {
		int start = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
		return json.substring(start, json.indexOf('"', start));
	}

	static String sha256Hex(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class HashedAndEncryptedConfiguration {

		private static final SecretKey KEY = new SecretKeySpec(new byte[32], "AES");

		private static final SecureRandom random = new SecureRandom();

		@Bean
		KeyStrategy keyStrategy() {
			KeyStrategy jovo = KeyStrategy.jovo();
			return (userId, entry, options, context) -> jovo.createKey(sha256Hex(userId), entry, options, context);
		}

		@Bean
		ValueCodec valueCodec() {
			return ValueCodec.json().andThen(ValueTransform.of((entry, json) -> {
				byte[] nonce = new byte[12];
				random.nextBytes(nonce);
				byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce).doFinal(json);
				byte[] value = Arrays.copyOf(nonce, nonce.length + sealed.length);
				System.arraycopy(sealed, 0, value, nonce.length, sealed.length);
				return Base64.getEncoder().encode(value);
			}, (entry, stored) -> {
				byte[] value = Base64.getDecoder().decode(stored);
				return cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(value, 12)).doFinal(value, 12, value.length - 12);
			}).onlyFor("user"));
		}

		private static Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, KEY, new GCMParameterSpec(128, nonce));
			return cipher;
		}

	}

}

package dev.redisdb.readme;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import dev.redisdb.Entry;
import dev.redisdb.KeyStrategy;
import dev.redisdb.RedisUserStore;
import dev.redisdb.SessionElement;
import dev.redisdb.StoreOptions;
import dev.redisdb.StoredElement;
import dev.redisdb.StoredElements;
import dev.redisdb.StoredUser;
import dev.redisdb.TurnContext;
import dev.redisdb.ValueCodec;
import dev.redisdb.ValueTransform;
import dev.redisdb.autoconfigure.RedisDbConnectionFactory;
import dev.redisdb.autoconfigure.StoreOptionsCustomizer;
import dev.redisdb.autoconfigure.ValueCodecCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The README's other Java examples, compiled and run by {@link ReadmeExamplesIntegrationTests}. Each tagged region is quoted in
 * the README as it stands here.
 */
final class ReadmeExamples {

	private ReadmeExamples() {
	}

	// tag::typed-data[]
    record Profile(String name, int visits, List<String> interests) {
    }

    static String greet(StoredUser user) {
        Profile profile = user.data().as(Profile.class);            // user data as the app's own record
        user.data().putProperties(new Profile(profile.name(), profile.visits() + 1, profile.interests()));
        return "Hello " + profile.name();
    }
	// end::typed-data[]

	// tag::update[]
    static StoredUser countVisit(RedisUserStore store, String userId, String sessionId) {
        return store.update(userId, TurnContext.ofSession(sessionId),
                (user) -> user.data().put("visits", user.data().get("visits", Integer.class, 0) + 1));
    }
	// end::update[]

	// tag::idempotent-update[]
    static void countVisitOnce(RedisUserStore store, String userId, String requestId) {
        store.update(userId, TurnContext.none(), (user) -> {
            if (!requestId.equals(user.data().get("lastRequest", String.class))) {   // not counted yet
                user.data().put("visits", user.data().get("visits", Integer.class, 0) + 1);
                user.data().put("lastRequest", requestId);
            }
        });
    }
	// end::idempotent-update[]

	// tag::unavailable[]
    static String answer(RedisUserStore store, String userId) {
        try {
            StoredUser user = store.load(userId);
            return "Welcome back, visit " + user.data().get("visits", Integer.class, 0) + ".";
        }
        catch (TransientDataAccessException ex) {   // RedisDbUnavailableException, RedisDbConflictException
            return "Sorry, I can't reach my memory right now. Please try again.";
        }
    }
	// end::unavailable[]

	@Configuration(proxyBeanMethods = false)
	static class HookBeans {

		// tag::key-strategy[]
    @Bean
    KeyStrategy keyStrategy() {
        KeyStrategy jovo = KeyStrategy.jovo();
        // keys show no user id: myapp:user:<sha-256 of the id>
        return (userId, entry, options, context) -> jovo.createKey(sha256Hex(userId), entry, options, context);
    }
		// end::key-strategy[]

		// tag::value-codec[]
    @Bean
    ValueCodec valueCodec(SecretKey key) {
        // Jovo's JSON; the user entry encrypted with AES-GCM (nonce first), the Redis key as associated data
        return ValueCodec.json().andThen(ValueTransform.of(
                (entry, json) -> aesGcm(Cipher.ENCRYPT_MODE, key, entry.key(), json),
                (entry, stored) -> aesGcm(Cipher.DECRYPT_MODE, key, entry.key(), stored)).onlyFor("user"));
    }
		// end::value-codec[]

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerBeans {

		// tag::customizers[]
    @Bean
    StoreOptionsCustomizer moreUpdateAttempts() {
        // every other option as jovo.redis.* sets it
        return (options) -> options.updateAttempts(20);
    }

    @Bean
    ValueCodecCustomizer signedUserEntry(ValueTransform hmacSignature) {
        // the user entry's JSON signed; compression and encryption from jovo.redis.* then apply to the signed bytes
        return (codec) -> codec.andThen(hmacSignature.onlyFor("user"));
    }
		// end::customizers[]

	}

	@Configuration(proxyBeanMethods = false)
	static class MarkedConnectionFactory {

		// tag::marked-connection-factory[]
    @Bean(defaultCandidate = false)
    @RedisDbConnectionFactory
    LettuceConnectionFactory userStoreConnectionFactory() {
        return new LettuceConnectionFactory(new RedisStandaloneConfiguration("users.redis.internal", 6379),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
    }
		// end::marked-connection-factory[]

	}

	// tag::without-boot[]
    static RedisUserStore storeWithoutSpringBoot(String host, int port) {
        LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(host, port),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
        connectionFactory.start();
        StoreOptions options = StoreOptions.builder()
                .keyPrefix("myapp")
                .storedElements(StoredElements.defaults().withSession(SessionElement.expiringAfterSeconds(600)))
                .entries(Entry.of("user", StoredElement.USER, StoredElement.CREATED_AT, StoredElement.UPDATED_AT),
                        Entry.of("session", StoredElement.SESSION).withTtlSeconds(1200))
                .build();
        return new RedisUserStore(RedisUserStore.template(connectionFactory), options, KeyStrategy.jovo(),
                ValueCodec.json());
    }
	// end::without-boot[]

	static String sha256Hex(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** AES-GCM with a random 12-byte nonce before the ciphertext; the key name is the associated data. */
	static byte[] aesGcm(int mode, SecretKey key, String redisKey, byte[] input) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		byte[] nonce = (mode == Cipher.ENCRYPT_MODE) ? new byte[12] : Arrays.copyOf(input, 12);
		if (mode == Cipher.ENCRYPT_MODE) {
			new SecureRandom().nextBytes(nonce);
		}
		cipher.init(mode, key, new GCMParameterSpec(128, nonce));
		cipher.updateAAD(redisKey.getBytes(StandardCharsets.UTF_8));
		if (mode == Cipher.DECRYPT_MODE) {
			return cipher.doFinal(input, 12, input.length - 12);
		}
		byte[] ciphertext = cipher.doFinal(input);
		byte[] stored = Arrays.copyOf(nonce, 12 + ciphertext.length);
		System.arraycopy(ciphertext, 0, stored, 12, ciphertext.length);
		return stored;
	}

}

package dev.redisdb.autoconfigure;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import dev.redisdb.StoreOptions;
import dev.redisdb.ValueCodec;
import dev.redisdb.ValueTransform;
import dev.redisdb.autoconfigure.RedisDbProperties.Compression;
import dev.redisdb.autoconfigure.RedisDbProperties.Encryption;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The store's value codec: the application's codec (Jovo's JSON by default), changed by the
 * {@link ValueCodecCustomizer}s, then compressed where {@code jovo.redis.*} says so, then encrypted where it says so
 * (encrypted bytes do not compress). No message here ever holds a key.
 */
final class RedisDbValueCodecs {

	private static final String KEYS = "jovo.redis.encryption.keys";

	private static final String ACTIVE_KEY = "jovo.redis.encryption.active-key";

	private static final String GENERATE = " set to the base64 of 256 random bits, such as the output of "
			+ "'openssl rand -base64 32'";

	private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private RedisDbValueCodecs() {
	}

	/**
	 * @param base the application's codec, or {@link ValueCodec#json()}
	 * @param customizers applied to the base in order
	 * @param properties the bound properties
	 * @param options the store's options, whose entries the properties may name
	 * @return the store's codec
	 * @throws RedisDbConfigurationException naming the property and the fix when they cannot work
	 */
	static ValueCodec create(ValueCodec base, List<ValueCodecCustomizer> customizers, RedisDbProperties properties,
			StoreOptions options) {
		ValueCodec codec = base;
		for (ValueCodecCustomizer customizer : customizers) {
			codec = customizer.customize(codec);
			Assert.state(codec != null, () -> customizer + " returned no codec");
		}
		Compression compression = properties.compression();
		if (compression.enabled()) {
			ValueTransform gzip = ValueTransform.compression(compression.threshold());
			List<String> entries = compression.entries();
			checkEntriesExist("jovo.redis.compression.entries", entries, options);
			codec = codec.andThen(entries.isEmpty() ? gzip : gzip.onlyFor(entries.toArray(String[]::new)));
		}
		Encryption encryption = properties.encryption();
		if (StringUtils.hasText(encryption.activeKey()) || !encryption.keys().isEmpty()) {
			ValueTransform aesGcm = encryption(encryption);
			List<String> entries = encryption.entries();
			checkEntriesExist("jovo.redis.encryption.entries", entries, options);
			codec = codec.andThen(entries.isEmpty() ? aesGcm : aesGcm.onlyFor(entries.toArray(String[]::new)));
		}
		return codec;
	}

	private static ValueTransform encryption(Encryption encryption) {
		String activeKey = encryption.activeKey();
		List<String> ids = encryption.keys().keySet().stream().sorted().toList();
		if (!StringUtils.hasText(activeKey)) {
			throw new RedisDbConfigurationException(ACTIVE_KEY, "is not set, but " + KEYS + " holds " + ids
					+ ", so nothing would be encrypted", "set it to the id of the key that encrypts, one of " + ids);
		}
		if (encryption.keys().isEmpty()) {
			throw new RedisDbConfigurationException(KEYS, "holds no key, but " + ACTIVE_KEY + " '" + activeKey
					+ "' needs one", "add " + KEYS + "." + activeKey + GENERATE);
		}
		Map<String, SecretKey> keys = new LinkedHashMap<>();
		encryption.keys().forEach((id, base64) -> keys.put(id, secretKey(id, base64)));
		if (!keys.containsKey(activeKey)) {
			throw new RedisDbConfigurationException(ACTIVE_KEY, "'" + activeKey + "' names no key",
					"use one of " + ids + ", or add " + KEYS + "." + activeKey + GENERATE);
		}
		return ValueTransform.encryption(keys, activeKey);
	}

	private static SecretKey secretKey(String id, String base64) {
		String property = KEYS + "." + id;
		if (!KEY_ID.matcher(id).matches()) {
			throw new RedisDbConfigurationException(property, "has an id that is not 1 to 64 ASCII letters, digits, "
					+ "'-' or '_'", "rename the key, for example to " + KEYS + ".k2024");
		}
		if (!StringUtils.hasText(base64)) {
			throw new RedisDbConfigurationException(property, "is empty", "have it" + GENERATE);
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new RedisDbConfigurationException(property, "is not base64", "have it" + GENERATE);
		}
		if (key.length != 32) {
			throw new RedisDbConfigurationException(property,
					"is " + key.length * 8 + " bits long, but AES-256 needs 256 bits (32 bytes)", "have it" + GENERATE);
		}
		return new SecretKeySpec(key, "AES");
	}

	private static void checkEntriesExist(String property, List<String> entryIds, StoreOptions options) {
		List<String> known = options.entries().stream().map(dev.redisdb.Entry::id).toList();
		for (int i = 0; i < entryIds.size(); i++) {
			if (!known.contains(entryIds.get(i))) {
				throw new RedisDbConfigurationException(property + "[" + i + "]",
						"'" + entryIds.get(i) + "' names no entry", "use one of " + known);
			}
		}
	}

}

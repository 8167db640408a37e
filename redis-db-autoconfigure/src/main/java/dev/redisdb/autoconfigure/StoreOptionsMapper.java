package dev.redisdb.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.redisdb.Entry;
import dev.redisdb.HistoryElement;
import dev.redisdb.InvalidStoreOptionException;
import dev.redisdb.SessionElement;
import dev.redisdb.StoreOptions;
import dev.redisdb.StoredElement;
import dev.redisdb.StoredElements;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Checks the bound {@code jovo.redis.*} properties and turns them into the store's {@link StoreOptions}, then lets
 * the {@link StoreOptionsCustomizer}s change them. An element or list the configuration leaves out keeps the store's
 * default; every value that cannot work is reported by its property name, with the fix.
 */
final class StoreOptionsMapper {

	private StoreOptionsMapper() {
	}

	/**
	 * @param properties the bound properties
	 * @param customizers applied in order to the options the properties set
	 * @return the store's options
	 * @throws RedisDbConfigurationException naming the property and the fix when the properties cannot work
	 * @throws IllegalStateException when the customizers leave options that cannot work
	 */
	static StoreOptions toOptions(RedisDbProperties properties, List<StoreOptionsCustomizer> customizers) {
		StoreOptions configured = toOptions(properties);
		if (customizers.isEmpty()) {
			return configured;
		}
		StoreOptions.Builder options = configured.toBuilder();
		customizers.forEach((customizer) -> customizer.customize(options));
		try {
			return options.build();
		}
		catch (InvalidStoreOptionException ex) {
			throw new IllegalStateException("StoreOptionsCustomizer beans changed the options from jovo.redis.* into "
					+ "ones that cannot work: " + ex.getMessage(), ex);
		}
	}

	/**
	 * @param properties the bound properties
	 * @return the store's options as the properties set them
	 * @throws RedisDbConfigurationException naming the property and the fix when they cannot work
	 */
	private static StoreOptions toOptions(RedisDbProperties properties) {
		checkConnectionSettings(properties);
		StoreOptions.Builder options = StoreOptions.builder()
			.keyPrefix(properties.keyPrefix())
			.keySeparator(properties.keySeparator())
			.hashTag(properties.hashTag())
			.storedElements(storedElements(properties.storedElements()))
			.maxUserIdLength(properties.maxUserIdLength())
			.maxKeyLength(properties.maxKeyLength())
			.maxValueSize(properties.maxValueSize())
			.undecodableValues(properties.undecodableValues())
			.updateAttempts(properties.updateAttempts())
			.clusterNonAtomicWrites(properties.clusterNonAtomicWrites());
		if (!properties.entries().isEmpty()) {
			options.entries(entries(properties.entries()));
		}
		options.timeout(properties.timeout());
		try {
			return options.build();
		}
		catch (InvalidStoreOptionException ex) {
			throw RedisDbConfigurationException.of(ex);
		}
	}

	private static void checkConnectionSettings(RedisDbProperties properties) {
		positive("jovo.redis.timeout", properties.timeout());
		positive("jovo.redis.connect-timeout", properties.connectTimeout());
		if (StringUtils.hasText(properties.sslBundle()) && !StringUtils.hasText(properties.connectionString())) {
			throw new RedisDbConfigurationException("jovo.redis.ssl-bundle", "'" + properties.sslBundle() + "' is set "
					+ "but jovo.redis.connection-string is not, and the bundle applies to that connection only",
					"for the application's connection use spring.data.redis.ssl.bundle instead");
		}
	}

	private static void positive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new RedisDbConfigurationException(property, "is " + value, "use a positive duration such as 2s");
		}
	}

	private static StoredElements storedElements(RedisDbProperties.StoredElements configured) {
		StoredElements defaults = StoredElements.defaults();
		return new StoredElements(enabled(configured.user(), defaults.user()),
				(configured.session() != null) ? session(configured.session()) : defaults.session(),
				(configured.history() != null) ? history(configured.history()) : defaults.history(),
				enabled(configured.createdAt(), defaults.createdAt()),
				enabled(configured.updatedAt(), defaults.updatedAt()));
	}

	private static boolean enabled(RedisDbProperties.@Nullable Toggle toggle, boolean byDefault) {
		return (toggle != null) ? toggle.enabled() : byDefault;
	}

	private static SessionElement session(RedisDbProperties.SessionElement session) {
		return new SessionElement(session.enabled(), session.expiresAfterSeconds());
	}

	private static HistoryElement history(RedisDbProperties.HistoryElement history) {
		Map<String, Boolean> flags = new LinkedHashMap<>();
		flags.put("output", history.output());
		flags.put("nlu", history.nlu());
		flags.put("asr", history.asr());
		flags.put("state", history.state());
		flags.put("request", history.request());
		flags.put("response", history.response());
		flags.putAll(history.otherFields());
		List<String> kept = new ArrayList<>();
		flags.forEach((field, keep) -> {
			if (keep) {
				kept.add(field);
			}
		});
		return new HistoryElement(history.enabled(), history.size(), kept);
	}

	private static List<Entry> entries(List<RedisDbProperties.Entry> configured) {
		List<Entry> entries = new ArrayList<>(configured.size());
		for (int i = 0; i < configured.size(); i++) {
			RedisDbProperties.Entry entry = configured.get(i);
			if (entry.id() == null) {
				throw new RedisDbConfigurationException("jovo.redis.entries[" + i + "].id", "is not set",
						"give each entry a unique id such as 'user'");
			}
			entries.add(new Entry(entry.id(), elementsOf(entry), entry.ttlSeconds()));
		}
		return entries;
	}

	private static Set<StoredElement> elementsOf(RedisDbProperties.Entry entry) {
		Set<StoredElement> elements = EnumSet.noneOf(StoredElement.class);
		if (entry.user()) {
			elements.add(StoredElement.USER);
		}
		if (entry.session()) {
			elements.add(StoredElement.SESSION);
		}
		if (entry.history()) {
			elements.add(StoredElement.HISTORY);
		}
		if (entry.createdAt()) {
			elements.add(StoredElement.CREATED_AT);
		}
		if (entry.updatedAt()) {
			elements.add(StoredElement.UPDATED_AT);
		}
		return elements;
	}

}

package dev.redisdb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the user store, bound from {@code jovo.redis.*}. Names, meaning and defaults are those of Jovo's
 * {@code @jovotech/db-redis} plugin. Invalid combinations are rejected when the record is created, with a message
 * that names the property and how to fix it.
 *
 * @param connectionString Redis URI of the server to use, {@code redis[s]://[[user][:password]@][host][:port][/db]};
 * when empty, the application's Spring Data Redis connection ({@code spring.data.redis.*}) is used.
 * @param keyPrefix Prefix put in front of every key, followed by the separator; left out when empty.
 * @param keySeparator Separator between the parts of a key.
 * @param storedElements What is stored: user data, session data, interaction history and timestamps.
 * @param entries Redis values a user's data is split into, one key each; by default one entry {@code data} that
 * stores every element without TTL.
 * @param commandTimeout How long a call waits for Redis before it fails, on the connection made from
 * {@code connection-string} (with {@code spring.data.redis.*}, {@code spring.data.redis.timeout} applies).
 * @param connectTimeout How long connecting to Redis may take, on the connection made from
 * {@code connection-string} (with {@code spring.data.redis.*}, {@code spring.data.redis.connect-timeout} applies).
 * @param maxUserIdLength Longest user id accepted, in characters; longer ones are rejected.
 * @param maxValueSize Largest encoded value of one entry; a save with a larger one is rejected before anything is
 * written.
 * @param undecodableValues What a load does with a stored value it cannot decode: fail (default), or treat the
 * entry as empty and log a warning, so that the next save overwrites it.
 * @param updateAttempts How often a conflict-safe update loads, changes and tries to save before it gives up.
 * @param logRedisTraffic Whether Lettuce may log raw Redis traffic at TRACE ({@code io.lettuce.core.protocol}),
 * which prints passwords and stored user data; when false, that logger is capped at DEBUG.
 * @param hashTag Whether the user id part of every key is wrapped in a Redis Cluster hash tag, {@code {...}} (braces
 * and '%' inside the id escaped as %7B, %7D, %25), so that all entries of a user share one hash slot and a save stays
 * atomic on a cluster; keys then differ from Jovo's.
 * @param clusterNonAtomicWrites Whether, on Redis Cluster with several entries and without hash tag, a save may write
 * the entries one hash slot at a time, not atomically; without it such a configuration fails at startup.
 * @param sslBundle Name of the Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) whose trust material (and key,
 * for client certificates) is used for a {@code rediss://} connection string; when empty, the JVM's default trust
 * store is used.
 */
@ConfigurationProperties("jovo.redis")
public record RedisDbProperties(String connectionString, @DefaultValue("") String keyPrefix,
		@DefaultValue(":") String keySeparator, StoredElements storedElements, List<Entry> entries,
		@DefaultValue("2s") Duration commandTimeout, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("1024") int maxUserIdLength, @DefaultValue("1MB") DataSize maxValueSize,
		@DefaultValue("fail") UndecodableValues undecodableValues, @DefaultValue("10") int updateAttempts,
		boolean logRedisTraffic, boolean hashTag, boolean clusterNonAtomicWrites, String sslBundle) {

	private static final String PREFIX = "jovo.redis.";

	public RedisDbProperties {
		keyPrefix = (keyPrefix != null) ? keyPrefix : "";
		keySeparator = (keySeparator != null) ? keySeparator : ":";
		storedElements = (storedElements != null) ? storedElements : StoredElements.defaults();
		entries = (entries != null && !entries.isEmpty()) ? List.copyOf(entries) : List.of(Entry.everything("data"));
		if (connectionString != null && connectionString.isBlank()) {
			connectionString = null;
		}
		if (connectionString != null) {
			ConnectionStrings.parse(connectionString);
		}
		commandTimeout = positive("command-timeout", commandTimeout, Duration.ofSeconds(2));
		connectTimeout = positive("connect-timeout", connectTimeout, Duration.ofSeconds(2));
		maxUserIdLength = (maxUserIdLength != 0) ? maxUserIdLength : 1024;
		maxValueSize = (maxValueSize != null) ? maxValueSize : DataSize.ofMegabytes(1);
		undecodableValues = (undecodableValues != null) ? undecodableValues : UndecodableValues.FAIL;
		updateAttempts = (updateAttempts != 0) ? updateAttempts : 10;
		if (maxUserIdLength < 1) {
			throw invalid("max-user-id-length", "is " + maxUserIdLength + ": use a positive number (default 1024)");
		}
		if (maxValueSize.toBytes() < 1) {
			throw invalid("max-value-size", "is " + maxValueSize + ": use a positive size such as 1MB (default)");
		}
		if (updateAttempts < 1) {
			throw invalid("update-attempts", "is " + updateAttempts + ": use at least 1 (default 10)");
		}
		if (keySeparator.isEmpty()) {
			throw invalid("key-separator", "must not be empty: set it to ':' (Jovo's default) or another character");
		}
		validateEntries(entries, keySeparator);
		validateEveryEnabledElementIsStored(storedElements, entries);
		sslBundle = (sslBundle != null && sslBundle.isBlank()) ? null : sslBundle;
		ScaleOutValidation.validate(connectionString, keyPrefix, keySeparator, entries, hashTag, sslBundle);
	}

	/** @return the defaults: Jovo's, with one entry {@code data} holding everything */
	public static RedisDbProperties defaults() {
		return new Builder().build();
	}

	/** @return a builder holding this configuration, to derive another from it */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * Copies this configuration with other entries.
	 * @param entries the entries, in load order
	 * @return a validated copy
	 */
	public RedisDbProperties withEntries(List<Entry> entries) {
		return toBuilder().entries(entries).build();
	}

	/**
	 * Copies this configuration with other stored elements.
	 * @param storedElements what to store
	 * @return a validated copy
	 */
	public RedisDbProperties withStoredElements(StoredElements storedElements) {
		return toBuilder().storedElements(storedElements).build();
	}

	/**
	 * Copies this configuration with another key prefix.
	 * @param keyPrefix the prefix, empty for none
	 * @return a validated copy
	 */
	public RedisDbProperties withKeyPrefix(String keyPrefix) {
		return toBuilder().keyPrefix(keyPrefix).build();
	}

	/**
	 * Masks the password of a Redis URI, for messages and reports.
	 * @param redisUri a Redis URI such as {@code redis://user:secret@host:6379}, may be null
	 * @return the URI with its password replaced by {@code ****}
	 */
	public static String maskPassword(String redisUri) {
		return ConnectionStrings.mask(redisUri);
	}

	/** @return the entries that store no enabled element: they are neither useful nor written */
	public List<Entry> entriesStoringNothing() {
		return this.entries.stream().filter((entry) -> !entry.storesAnythingOf(this.storedElements)).toList();
	}

	@Override
	public String toString() {
		return "RedisDbProperties[connectionString=" + ConnectionStrings.mask(this.connectionString) + ", keyPrefix="
				+ this.keyPrefix + ", keySeparator=" + this.keySeparator + ", storedElements=" + this.storedElements
				+ ", entries=" + this.entries + ", commandTimeout=" + this.commandTimeout + ", connectTimeout="
				+ this.connectTimeout + ", maxUserIdLength=" + this.maxUserIdLength + ", maxValueSize="
				+ this.maxValueSize + ", undecodableValues=" + this.undecodableValues + ", updateAttempts="
				+ this.updateAttempts + ", logRedisTraffic=" + this.logRedisTraffic + ", hashTag=" + this.hashTag
				+ ", clusterNonAtomicWrites=" + this.clusterNonAtomicWrites + ", sslBundle=" + this.sslBundle + "]";
	}

	private static Duration positive(String property, Duration value, Duration fallback) {
		if (value == null) {
			return fallback;
		}
		if (value.isNegative() || value.isZero()) {
			throw invalid(property, "is " + value + ": use a positive duration such as 2s");
		}
		return value;
	}

	private static void validateEntries(List<Entry> entries, String separator) {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < entries.size(); i++) {
			Entry entry = entries.get(i);
			String property = "entries[" + i + "]";
			if (entry == null || entry.id() == null || entry.id().isBlank()) {
				throw invalid(property + ".id", "must not be empty: give each entry a unique id such as 'user'");
			}
			if (!ids.add(entry.id())) {
				throw invalid(property + ".id", "'" + entry.id() + "' is used by another entry: entry ids must be unique");
			}
			if (entry.id().contains(separator)) {
				throw invalid(property + ".id", "'" + entry.id() + "' contains the key separator '" + separator
						+ "': choose an id without it, or another jovo.redis.key-separator");
			}
			if (entry.ttlSeconds() < 0) {
				throw invalid(property + ".ttl-seconds", "is " + entry.ttlSeconds()
						+ ": use 0 for no expiry or a positive number of seconds");
			}
		}
	}

	private static void validateEveryEnabledElementIsStored(StoredElements elements, List<Entry> entries) {
		for (Element element : Element.values()) {
			if (element.isEnabledIn(elements) && entries.stream().noneMatch(element::isStoredBy)) {
				throw invalid("stored-elements." + element.propertyName, "is enabled but no entry stores it, so its "
						+ "data would be lost: set '" + element.propertyName + ": true' on one of jovo.redis.entries, "
						+ "or disable the element");
			}
		}
	}

	static IllegalArgumentException invalid(String property, String problem) {
		return new IllegalArgumentException("Invalid configuration: " + PREFIX + property + " " + problem);
	}

	/**
	 * Builds a {@link RedisDbProperties} in code (tests, applications without Spring's binder); unset values keep
	 * their defaults.
	 */
	public static final class Builder {

		private String connectionString;

		private String keyPrefix = "";

		private String keySeparator = ":";

		private StoredElements storedElements;

		private List<Entry> entries;

		private Duration commandTimeout;

		private Duration connectTimeout;

		private int maxUserIdLength;

		private DataSize maxValueSize;

		private UndecodableValues undecodableValues;

		private int updateAttempts;

		private boolean logRedisTraffic;

		private boolean hashTag;

		private boolean clusterNonAtomicWrites;

		private String sslBundle;

		Builder() {
		}

		private Builder(RedisDbProperties properties) {
			this.connectionString = properties.connectionString;
			this.keyPrefix = properties.keyPrefix;
			this.keySeparator = properties.keySeparator;
			this.storedElements = properties.storedElements;
			this.entries = properties.entries;
			this.commandTimeout = properties.commandTimeout;
			this.connectTimeout = properties.connectTimeout;
			this.maxUserIdLength = properties.maxUserIdLength;
			this.maxValueSize = properties.maxValueSize;
			this.undecodableValues = properties.undecodableValues;
			this.updateAttempts = properties.updateAttempts;
			this.logRedisTraffic = properties.logRedisTraffic;
			this.hashTag = properties.hashTag;
			this.clusterNonAtomicWrites = properties.clusterNonAtomicWrites;
			this.sslBundle = properties.sslBundle;
		}

		public Builder connectionString(String connectionString) {
			this.connectionString = connectionString;
			return this;
		}

		public Builder keyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
			return this;
		}

		public Builder keySeparator(String keySeparator) {
			this.keySeparator = keySeparator;
			return this;
		}

		public Builder storedElements(StoredElements storedElements) {
			this.storedElements = storedElements;
			return this;
		}

		public Builder entries(List<Entry> entries) {
			this.entries = entries;
			return this;
		}

		public Builder commandTimeout(Duration commandTimeout) {
			this.commandTimeout = commandTimeout;
			return this;
		}

		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
			return this;
		}

		public Builder maxUserIdLength(int maxUserIdLength) {
			this.maxUserIdLength = maxUserIdLength;
			return this;
		}

		public Builder maxValueSize(DataSize maxValueSize) {
			this.maxValueSize = maxValueSize;
			return this;
		}

		public Builder undecodableValues(UndecodableValues undecodableValues) {
			this.undecodableValues = undecodableValues;
			return this;
		}

		public Builder updateAttempts(int updateAttempts) {
			this.updateAttempts = updateAttempts;
			return this;
		}

		public Builder logRedisTraffic(boolean logRedisTraffic) {
			this.logRedisTraffic = logRedisTraffic;
			return this;
		}

		public Builder hashTag(boolean hashTag) {
			this.hashTag = hashTag;
			return this;
		}

		public Builder clusterNonAtomicWrites(boolean clusterNonAtomicWrites) {
			this.clusterNonAtomicWrites = clusterNonAtomicWrites;
			return this;
		}

		public Builder sslBundle(String sslBundle) {
			this.sslBundle = sslBundle;
			return this;
		}

		/**
		 * @return the validated configuration
		 * @throws IllegalArgumentException naming the property and the fix when the configuration is invalid
		 */
		public RedisDbProperties build() {
			return new RedisDbProperties(this.connectionString, this.keyPrefix, this.keySeparator,
					this.storedElements, this.entries, this.commandTimeout, this.connectTimeout, this.maxUserIdLength,
					this.maxValueSize, this.undecodableValues, this.updateAttempts, this.logRedisTraffic, this.hashTag,
					this.clusterNonAtomicWrites, this.sslBundle);
		}

	}

	/**
	 * What a load does with a stored value it cannot decode.
	 */
	public enum UndecodableValues {

		/** Fail the load with a {@link RedisDbDataException} naming key and entry; nothing is overwritten. */
		FAIL,

		/** Log a warning naming key and entry and load the entry as empty; the next save overwrites it. */
		TREAT_AS_EMPTY

	}

	/**
	 * The elements of a user's data that are stored. Each may be written as {@code true}/{@code false} or as an
	 * object; an object without {@code enabled} enables the element.
	 *
	 * @param user User data ({@code user.data}); enabled by default.
	 * @param session Session data, for platforms that keep none; disabled by default.
	 * @param history Interaction history, newest first; disabled by default.
	 * @param createdAt Time the user was first stored; enabled by default.
	 * @param updatedAt Time of the user's last save; enabled by default.
	 */
	public record StoredElements(Toggle user, SessionElement session, HistoryElement history, Toggle createdAt,
			Toggle updatedAt) {

		public StoredElements {
			user = (user != null) ? user : Toggle.ON;
			session = (session != null) ? session : SessionElement.OFF;
			history = (history != null) ? history : HistoryElement.OFF;
			createdAt = (createdAt != null) ? createdAt : Toggle.ON;
			updatedAt = (updatedAt != null) ? updatedAt : Toggle.ON;
		}

		/** @return Jovo's defaults: user data and timestamps on, session and history off */
		public static StoredElements defaults() {
			return new StoredElements(null, null, null, null, null);
		}

	}

	/**
	 * A stored element that is only switched on or off.
	 *
	 * @param enabled Whether the element is stored; an object without it means enabled.
	 */
	public record Toggle(Boolean enabled) {

		static final Toggle ON = new Toggle(true);

		static final Toggle OFF = new Toggle(false);

		public Toggle {
			enabled = (enabled == null) || enabled;
		}

		/** @return whether the element is stored */
		public boolean isEnabled() {
			return this.enabled;
		}

	}

	/**
	 * Session storage, for platforms that keep no session of their own.
	 *
	 * @param enabled Whether session data is stored; an object without it means enabled.
	 * @param expiresAfterSeconds Seconds after the session's last update after which a stored session is replaced by
	 * a new, empty one.
	 */
	public record SessionElement(Boolean enabled, @DefaultValue("900") long expiresAfterSeconds) {

		static final SessionElement OFF = new SessionElement(false, 900);

		public SessionElement {
			enabled = (enabled == null) || enabled;
			if (expiresAfterSeconds < 0) {
				throw invalid("stored-elements.session.expires-after-seconds",
						"is " + expiresAfterSeconds + ": use a positive number of seconds (default 900)");
			}
		}

		/** @return whether session data is stored */
		public boolean isEnabled() {
			return this.enabled;
		}

	}

	/**
	 * Interaction history: one item per turn, newest first, cut to {@code size}. Every other key is a flag naming a
	 * field of the turn's item to keep ({@code output}, {@code nlu}, {@code asr}, {@code state}, {@code request},
	 * {@code response}, {@code input}, {@code entities} or any name of your own); {@code output} and {@code nlu}
	 * are on unless set to {@code false}.
	 *
	 * @param enabled Whether the history is stored; an object without it means enabled.
	 * @param size Number of turns kept, newest first.
	 * @param fields Fields of a turn's history item to keep (true) or drop (false), by name; in configuration they
	 * are written beside {@code size}, as in Jovo ({@code history: {size: 1, output: true, asr: true}}).
	 */
	public record HistoryElement(Boolean enabled, @DefaultValue("3") int size, Map<String, String> fields) {

		static final HistoryElement OFF = new HistoryElement(false, 3, Map.of());

		private static final Set<String> SETTINGS = Set.of("enabled", "size");

		public HistoryElement {
			enabled = (enabled == null) || enabled;
			if (size < 1) {
				throw invalid("stored-elements.history.size", "is " + size + ": keep at least 1 item (default 3)");
			}
			Map<String, String> flags = new LinkedHashMap<>();
			flags.put("output", "true");
			flags.put("nlu", "true");
			if (fields != null) {
				fields.forEach((name, value) -> {
					if (!SETTINGS.contains(name)) {
						flags.put(name, parseFlag(name, value));
					}
				});
			}
			fields = Map.copyOf(flags);
		}

		/** @return whether the history is stored */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Copies this element with more field flags.
		 * @param enabled whether the history is stored
		 * @param flags field name to {@code "true"} or {@code "false"}
		 * @return the copy
		 */
		public HistoryElement withFlags(boolean enabled, Map<String, String> flags) {
			Map<String, String> merged = new LinkedHashMap<>(this.fields);
			merged.putAll(flags);
			return new HistoryElement(enabled, this.size, merged);
		}

		/** @return the names of the history item fields that are kept */
		public List<String> keptFields() {
			List<String> kept = new ArrayList<>();
			this.fields.forEach((name, value) -> {
				if (Boolean.parseBoolean(value)) {
					kept.add(name);
				}
			});
			kept.sort(null);
			return List.copyOf(kept);
		}

		private static String parseFlag(String name, String value) {
			if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
				throw invalid("stored-elements.history." + name,
						"is '" + value + "': a history field flag must be true or false");
			}
			return value.toLowerCase();
		}

	}

	/**
	 * One Redis value of a user's data: the elements it holds and its time to live.
	 *
	 * @param id Unique identifier, used in the key; must not contain the key separator.
	 * @param user Whether this entry holds user data.
	 * @param session Whether this entry holds session data.
	 * @param history Whether this entry holds the interaction history.
	 * @param createdAt Whether this entry holds the creation time.
	 * @param updatedAt Whether this entry holds the time of the last save.
	 * @param ttlSeconds Time to live set on every save when greater than 0; 0 stores the value without expiry.
	 */
	public record Entry(String id, boolean user, boolean session, boolean history, boolean createdAt,
			boolean updatedAt, @DefaultValue("0") long ttlSeconds) {

		/**
		 * An entry holding every element.
		 * @param id the entry id
		 * @return the entry, without TTL
		 */
		public static Entry everything(String id) {
			return new Entry(id, true, true, true, true, true, 0);
		}

		/**
		 * Copies this entry with another TTL.
		 * @param ttlSeconds seconds, 0 for none
		 * @return the copy
		 */
		public Entry withTtlSeconds(long ttlSeconds) {
			return new Entry(this.id, this.user, this.session, this.history, this.createdAt, this.updatedAt, ttlSeconds);
		}

		/**
		 * @param elements the stored elements
		 * @return whether this entry stores at least one enabled element
		 */
		public boolean storesAnythingOf(StoredElements elements) {
			for (Element element : Element.values()) {
				if (element.isEnabledIn(elements) && element.isStoredBy(this)) {
					return true;
				}
			}
			return false;
		}

	}

	private enum Element {

		USER("user"), SESSION("session"), HISTORY("history"), CREATED_AT("created-at"), UPDATED_AT("updated-at");

		private final String propertyName;

		Element(String propertyName) {
			this.propertyName = propertyName;
		}

		boolean isEnabledIn(StoredElements elements) {
			return switch (this) {
				case USER -> elements.user().isEnabled();
				case SESSION -> elements.session().isEnabled();
				case HISTORY -> elements.history().isEnabled();
				case CREATED_AT -> elements.createdAt().isEnabled();
				case UPDATED_AT -> elements.updatedAt().isEnabled();
			};
		}

		boolean isStoredBy(Entry entry) {
			return switch (this) {
				case USER -> entry.user();
				case SESSION -> entry.session();
				case HISTORY -> entry.history();
				case CREATED_AT -> entry.createdAt();
				case UPDATED_AT -> entry.updatedAt();
			};
		}

	}

}

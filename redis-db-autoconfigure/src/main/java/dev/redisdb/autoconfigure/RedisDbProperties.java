package dev.redisdb.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.redisdb.UndecodableValues;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the user store, bound from {@code jovo.redis.*}. Names, meaning and defaults are those of Jovo's
 * {@code @jovotech/db-redis} plugin, plus the store's connection, limits and scale-out settings. Each stored element
 * takes Jovo's two forms: {@code session: true} or an object ({@code session: {expires-after-seconds: 600}}); an
 * object enables the element unless it says {@code enabled: false}.
 *
 * @param connectionString Redis URI of the server to use, redis[s]://[[user][:password]@][host][:port][/db] or
 * redis-sentinel://...; when empty, the application's Spring Data Redis connection (spring.data.redis.*) is used.
 * @param keyPrefix Prefix put in front of every key, followed by the separator; left out when empty.
 * @param keySeparator Separator between the parts of a key.
 * @param storedElements What is stored: user data, session data, interaction history and timestamps.
 * @param entries Redis values a user's data is split into, one key each, in load order; when none is configured, one
 * entry 'data' stores every element without TTL.
 * @param timeout How long each Redis command of a store call may take before the call fails, whatever
 * spring.data.redis.timeout is: a voice platform gives a turn a few seconds.
 * @param connectTimeout How long connecting to Redis may take, on the connection made from connection-string (with
 * spring.data.redis.*, spring.data.redis.connect-timeout applies).
 * @param maxUserIdLength Longest user id accepted, in characters; longer ones are rejected.
 * @param maxKeyLength Longest Redis key accepted, in bytes; a key made from an overlong user or session id is
 * rejected before anything is read or written.
 * @param maxValueSize Largest encoded value of one entry; a save with a larger one is rejected before anything is
 * written.
 * @param undecodableValues What a load does with a stored value it cannot decode: fail, or treat the entry as empty
 * and log a warning, so that the next save overwrites it.
 * @param updateAttempts How often a conflict-safe update loads, changes and tries to save before it gives up.
 * @param logRedisTraffic Whether Lettuce's protocol loggers (io.lettuce.core.protocol) may log at DEBUG and TRACE,
 * where they print raw Redis traffic, passwords and stored user data included; when false, their DEBUG and TRACE
 * output is suppressed, whatever level is configured, also when it is raised at runtime.
 * @param hashTag Whether the user id part of every key is wrapped in a Redis Cluster hash tag, {...} (braces and '%'
 * inside the id escaped as %7B, %7D, %25), so that all entries of a user share one hash slot and a save stays atomic
 * on a cluster; keys then differ from Jovo's.
 * @param clusterNonAtomicWrites Whether, on Redis Cluster with several entries and without hash tag, a save may
 * write the entries one hash slot at a time, not atomically; without it such a configuration fails at startup.
 * @param sslBundle Name of the Spring Boot SSL bundle (spring.ssl.bundle.*) whose trust material (and key, for
 * client certificates) is used for a rediss:// connection string; when empty, the JVM's default trust store is used.
 * @param compression Gzip for large entries, to save Redis memory; compressed values are not readable by Jovo.
 * @param encryption Authenticated encryption (AES-256-GCM) of entries with key rotation; encrypted values are not
 * readable by Jovo.
 * @since 0.1.0
 */
@ConfigurationProperties("jovo.redis")
public record RedisDbProperties(@Nullable String connectionString, @DefaultValue("") String keyPrefix,
		@DefaultValue(":") String keySeparator, @DefaultValue StoredElements storedElements, @DefaultValue List<Entry> entries,
		@DefaultValue("2s") Duration timeout, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("1024") int maxUserIdLength, @DefaultValue("4096") int maxKeyLength,
		@DefaultValue("1MB") DataSize maxValueSize,
		@DefaultValue("fail") UndecodableValues undecodableValues, @DefaultValue("10") int updateAttempts,
		boolean logRedisTraffic, boolean hashTag, boolean clusterNonAtomicWrites, @Nullable String sslBundle,
		@DefaultValue Compression compression, @DefaultValue Encryption encryption) {

	/** @return a copy with other stored elements, for binding Jovo's history flags of any name */
	RedisDbProperties withStoredElements(StoredElements storedElements) {
		return new RedisDbProperties(this.connectionString, this.keyPrefix, this.keySeparator, storedElements,
				this.entries, this.timeout, this.connectTimeout, this.maxUserIdLength, this.maxKeyLength,
				this.maxValueSize,
				this.undecodableValues, this.updateAttempts, this.logRedisTraffic, this.hashTag,
				this.clusterNonAtomicWrites, this.sslBundle, this.compression, this.encryption);
	}

	@Override
	public String toString() {
		return "RedisDbProperties[connectionString=" + ConnectionStrings.mask(this.connectionString) + ", keyPrefix="
				+ this.keyPrefix + ", keySeparator=" + this.keySeparator + ", storedElements=" + this.storedElements
				+ ", entries=" + this.entries + ", timeout=" + this.timeout + ", connectTimeout="
				+ this.connectTimeout + ", maxUserIdLength=" + this.maxUserIdLength + ", maxKeyLength="
				+ this.maxKeyLength + ", maxValueSize="
				+ this.maxValueSize + ", undecodableValues=" + this.undecodableValues + ", updateAttempts="
				+ this.updateAttempts + ", logRedisTraffic=" + this.logRedisTraffic + ", hashTag=" + this.hashTag
				+ ", clusterNonAtomicWrites=" + this.clusterNonAtomicWrites + ", sslBundle=" + this.sslBundle
				+ ", compression=" + this.compression + ", encryption=" + this.encryption + "]";
	}

	/**
	 * The elements of a user's data that are stored; each left out keeps Jovo's default.
	 *
	 * @param user User data ('user: true' or 'user: false' is short for its enabled flag); stored by default.
	 * @param session Session data, for platforms that keep none; not stored by default.
	 * @param history Interaction history, newest first; not stored by default.
	 * @param createdAt Time the user was first stored; stored by default.
	 * @param updatedAt Time of the user's last save; stored by default.
	 */
	public record StoredElements(@Nullable Toggle user, @Nullable SessionElement session,
			@Nullable HistoryElement history, @Nullable Toggle createdAt, @Nullable Toggle updatedAt) {
	}

	/**
	 * A stored element that is only switched on or off.
	 *
	 * @param enabled Whether the element is stored; 'user: true' (or created-at, updated-at) is short for this.
	 */
	public record Toggle(@DefaultValue("true") boolean enabled) {
	}

	/**
	 * Session storage.
	 *
	 * @param enabled Whether session data is stored, once the session element is configured at all (without it,
	 * sessions are not stored); 'session: true' or 'session: false' is short for this.
	 * @param expiresAfterSeconds Seconds after the session's last update after which a stored session is replaced by
	 * a new, empty one.
	 */
	public record SessionElement(@DefaultValue("true") boolean enabled,
			@DefaultValue("900") long expiresAfterSeconds) {
	}

	/**
	 * Interaction history: one item per turn, newest first, cut to size. Each flag names a field of a turn's item to
	 * keep; a flag of any other name (such as 'myField: true') keeps a field of the app's own.
	 *
	 * @param enabled Whether the history is stored, once the history element is configured at all (without it, no
	 * history is stored); 'history: true' or 'history: false' is short for this.
	 * @param size Number of turns kept, newest first.
	 * @param output Whether a history item keeps the turn's 'output' field.
	 * @param nlu Whether a history item keeps the turn's 'nlu' field.
	 * @param asr Whether a history item keeps the turn's 'asr' field.
	 * @param state Whether a history item keeps the turn's 'state' field.
	 * @param request Whether a history item keeps the turn's 'request' field.
	 * @param response Whether a history item keeps the turn's 'response' field.
	 * @param otherFields Flags of other names (such as 'input', 'entities' or the app's own), in configuration order;
	 * bound from beside 'size', as Jovo writes them.
	 */
	public record HistoryElement(@DefaultValue("true") boolean enabled, @DefaultValue("3") int size,
			@DefaultValue("true") boolean output, @DefaultValue("true") boolean nlu, boolean asr, boolean state,
			boolean request, boolean response, @DefaultValue Map<String, Boolean> otherFields) {

		HistoryElement withOtherFields(Map<String, Boolean> otherFields) {
			return new HistoryElement(this.enabled, this.size, this.output, this.nlu, this.asr, this.state,
					this.request, this.response, otherFields);
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
	public record Entry(@Nullable String id, boolean user, boolean session, boolean history, boolean createdAt,
			boolean updatedAt, long ttlSeconds) {
	}

	/**
	 * Gzip for large entries. Values below the threshold stay plain JSON; compressed values are not readable by
	 * Jovo.
	 *
	 * @param enabled Whether large entries are compressed.
	 * @param threshold Smallest encoded value that is compressed.
	 * @param entries Ids of the entries to compress; all entries when empty.
	 */
	public record Compression(boolean enabled, @DefaultValue("1KB") DataSize threshold,
			@DefaultValue List<String> entries) {
	}

	/**
	 * Authenticated encryption of entries, AES-256-GCM, with key rotation: every save encrypts with the active key,
	 * values under any configured key id are read. Setting the active key turns it on; encrypted values are not
	 * readable by Jovo.
	 *
	 * @param keys Encryption keys by id, each the base64 of 256 random bits (for example the output of 'openssl rand
	 * -base64 32'); ids are 1 to 64 ASCII letters, digits, '-' or '_' (lower case when set through environment
	 * variables). Keep an old key until no stored value uses it.
	 * @param activeKey Id of the key that encrypts every saved value; setting it turns encryption on.
	 * @param entries Ids of the entries to encrypt; all entries when empty.
	 */
	public record Encryption(@DefaultValue Map<String, String> keys, @Nullable String activeKey,
			@DefaultValue List<String> entries) {

		/** Names the key ids, never the keys. */
		@Override
		public String toString() {
			return "Encryption[keys=" + this.keys.keySet().stream().sorted().map((id) -> id + "=****").toList()
					+ ", activeKey=" + this.activeKey + ", entries=" + this.entries + "]";
		}

	}

}

package dev.redisdb.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.redisdb.Entry;
import dev.redisdb.HistoryElement;
import dev.redisdb.SessionElement;
import dev.redisdb.StoreOptions;
import dev.redisdb.StoredElement;
import dev.redisdb.StoredElements;

/**
 * The two configurations compared: as the library's properties, and as the keys and TTLs that the hand-written
 * baseline and the pre-population use.
 */
enum StoreConfig {

	/** Jovo's defaults: one entry {@code data} with user data and timestamps, no TTL. */
	DEFAULT(List.of("data:"), List.of(0L)),

	/** Three entries: user (no TTL), session (1200 s) and history (1200 s, one item), under prefix {@code myapp}. */
	SPLIT(List.of("myapp:user:", "myapp:session:", "myapp:history:"), List.of(0L, 1200L, 1200L));

	private final List<String> keyPrefixes;

	private final List<Long> ttlSeconds;

	StoreConfig(List<String> keyPrefixes, List<Long> ttlSeconds) {
		this.keyPrefixes = keyPrefixes;
		this.ttlSeconds = ttlSeconds;
	}

	/**
	 * @param name {@code default} or {@code split}, as in the benchmark's parameter
	 * @return the configuration
	 */
	static StoreConfig of(String name) {
		return valueOf(name.toUpperCase(Locale.ROOT));
	}

	StoreOptions options() {
		return switch (this) {
			case DEFAULT -> StoreOptions.defaults();
			case SPLIT -> StoreOptions.builder()
				.keyPrefix("myapp")
				.storedElements(StoredElements.defaults()
					.withSession(SessionElement.on())
					.withHistory(HistoryElement.of(1, "output", "nlu")))
				.entries(Entry.of("user", StoredElement.USER, StoredElement.CREATED_AT, StoredElement.UPDATED_AT),
						Entry.of("session", StoredElement.SESSION).withTtlSeconds(1200),
						Entry.of("history", StoredElement.HISTORY).withTtlSeconds(1200))
				.build();
		};
	}

	/**
	 * @param port the benchmark's redis-server
	 * @param connection which connection the store uses to reach it
	 * @return this configuration as an application would write it: {@code jovo.redis.*} properties, and either the
	 * store's own connection ({@code connection-string}) or the application's ({@code spring.data.redis.*}, Spring
	 * Boot's defaults otherwise)
	 */
	Map<String, Object> springProperties(int port, StoreConnection connection) {
		Map<String, Object> properties = new java.util.LinkedHashMap<>();
		switch (connection) {
			case OWN -> properties.put("jovo.redis.connection-string", "redis://" + TurnBenchmark.HOST + ":" + port);
			case APPLICATION -> {
				properties.put("spring.data.redis.host", TurnBenchmark.HOST);
				properties.put("spring.data.redis.port", Integer.toString(port));
			}
		}
		if (this == SPLIT) {
			properties.put("jovo.redis.key-prefix", "myapp");
			properties.put("jovo.redis.stored-elements.session", "true");
			properties.put("jovo.redis.stored-elements.history.size", "1");
			properties.put("jovo.redis.stored-elements.history.output", "true");
			properties.put("jovo.redis.entries[0].id", "user");
			properties.put("jovo.redis.entries[0].user", "true");
			properties.put("jovo.redis.entries[0].created-at", "true");
			properties.put("jovo.redis.entries[0].updated-at", "true");
			properties.put("jovo.redis.entries[1].id", "session");
			properties.put("jovo.redis.entries[1].session", "true");
			properties.put("jovo.redis.entries[1].ttl-seconds", "1200");
			properties.put("jovo.redis.entries[2].id", "history");
			properties.put("jovo.redis.entries[2].history", "true");
			properties.put("jovo.redis.entries[2].ttl-seconds", "1200");
		}
		return properties;
	}

	/** @return whether the turn also keeps session data and a history item */
	boolean hasSessionAndHistory() {
		return this == SPLIT;
	}

	/** @return the user's entry keys, in entry order */
	String[] keysOf(String userId) {
		String[] keys = new String[this.keyPrefixes.size()];
		for (int i = 0; i < keys.length; i++) {
			keys[i] = this.keyPrefixes.get(i) + userId;
		}
		return keys;
	}

	/** @return per entry, in entry order: the TTL in seconds, 0 for none */
	List<Long> ttlSeconds() {
		return this.ttlSeconds;
	}

}

package dev.redisdb;

import static dev.redisdb.StoredElement.CREATED_AT;
import static dev.redisdb.StoredElement.HISTORY;
import static dev.redisdb.StoredElement.SESSION;
import static dev.redisdb.StoredElement.UPDATED_AT;
import static dev.redisdb.StoredElement.USER;

/**
 * Jovo's split example, the configuration most tests use beside the default: key prefix {@code myapp}; entries
 * {@code user} (user data and timestamps, no TTL), {@code session} and {@code history} (1200 s each); sessions
 * stored, a history of one item keeping {@code output} (and {@code nlu}, on by default).
 */
public final class SplitExample {

	/** The same configuration as Spring Boot properties. */
	public static final String[] PROPERTIES = { "jovo.redis.key-prefix=myapp",
			"jovo.redis.stored-elements.session=true", "jovo.redis.stored-elements.history.size=1",
			"jovo.redis.stored-elements.history.output=true", "jovo.redis.entries[0].id=user",
			"jovo.redis.entries[0].user=true", "jovo.redis.entries[0].created-at=true",
			"jovo.redis.entries[0].updated-at=true", "jovo.redis.entries[1].id=session",
			"jovo.redis.entries[1].session=true", "jovo.redis.entries[1].ttl-seconds=1200",
			"jovo.redis.entries[2].id=history", "jovo.redis.entries[2].history=true",
			"jovo.redis.entries[2].ttl-seconds=1200" };

	private SplitExample() {
	}

	/** @return the options */
	public static StoreOptions options() {
		return builder().build();
	}

	/** @return a builder holding the options, to vary one of them */
	public static StoreOptions.Builder builder() {
		return StoreOptions.builder()
			.keyPrefix("myapp")
			.storedElements(StoredElements.defaults()
				.withSession(SessionElement.on())
				.withHistory(HistoryElement.of(1, "output", "nlu")))
			.entries(Entry.of("user", USER, CREATED_AT, UPDATED_AT), Entry.of("session", SESSION).withTtlSeconds(1200),
					Entry.of("history", HISTORY).withTtlSeconds(1200));
	}

}

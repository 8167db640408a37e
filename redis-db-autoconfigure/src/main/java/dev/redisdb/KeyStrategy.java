package dev.redisdb;

/**
 * Makes the Redis key of one entry of one user: Jovo's {@code onCreateKey} hook. Declare a bean of this type to
 * replace the default, for example to hash user ids or to key the session entry by session id.
 */
@FunctionalInterface
public interface KeyStrategy {

	/**
	 * Creates the key of an entry.
	 * @param userId the user id, never null or empty
	 * @param entry the configured entry, never null
	 * @param properties the store's configuration, never null
	 * @param context the turn's context, never null
	 * @return the key, never null; distinct entries and users must get distinct keys
	 */
	String createKey(String userId, RedisDbProperties.Entry entry, RedisDbProperties properties, TurnContext context);

	/**
	 * Jovo's key format, byte for byte: {@code <key-prefix><sep><entry-id><sep><userId>}, the prefix and its
	 * separator left out when the prefix is empty.
	 * With {@code jovo.redis.hash-tag} on, the user id is a Redis Cluster hash tag,
	 * {@code <key-prefix><sep><entry-id><sep>{<escaped userId>}}, so that a user's entries share one hash slot; braces
	 * and {@code %} in the id are escaped as {@code %7B}, {@code %7D} and {@code %25}.
	 * @return the default strategy
	 */
	static KeyStrategy jovo() {
		return JovoKeyStrategy.INSTANCE;
	}

}

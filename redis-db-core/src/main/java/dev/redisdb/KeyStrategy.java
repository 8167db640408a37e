package dev.redisdb;

/**
 * Makes the Redis key of one entry of one user: Jovo's {@code onCreateKey} hook. Declare a bean of this type to
 * replace the default, for example to hash user ids:
 *
 * <pre>{@code
 * KeyStrategy jovo = KeyStrategy.jovo();
 * KeyStrategy hashed = (userId, entry, options, context) -> jovo.createKey(sha256Hex(userId), entry, options, context);
 * }</pre>
 *
 * A strategy receives the store's options on every call, so the key prefix, separator and hash tag configured
 * (under {@code jovo.redis.*} in Spring Boot) reach it; they take effect only if it uses them, as one that
 * delegates to {@link #jovo()} does. With {@link StoreOptions#hashTag()}, all keys of one user must share one hash
 * tag: otherwise, on Redis Cluster, saving a user with several entries fails (unless
 * {@link StoreOptions#clusterNonAtomicWrites()}), and the Spring Boot auto-configuration warns at startup.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface KeyStrategy {

	/**
	 * Creates the key of an entry.
	 * @param userId the user id, never null or empty
	 * @param entry the entry, never null
	 * @param options the store's options (key prefix, separator, hash tag), never null
	 * @param context the turn's context, never null
	 * @return the key, never null; distinct entries and users must get distinct keys
	 */
	String createKey(String userId, Entry entry, StoreOptions options, TurnContext context);

	/**
	 * Jovo's key format, byte for byte: {@code <key-prefix><sep><entry-id><sep><userId>}, the prefix and its
	 * separator left out when the prefix is empty. With {@link StoreOptions#hashTag()} the user id is a Redis Cluster
	 * hash tag, {@code <key-prefix><sep><entry-id><sep>{<escaped userId>}}, so that a user's entries share one hash
	 * slot; braces and {@code %} in the id are escaped as {@code %7B}, {@code %7D} and {@code %25}.
	 * @return the default strategy
	 */
	static KeyStrategy jovo() {
		return JovoKeyStrategy.INSTANCE;
	}

}

package dev.redisdb.autoconfigure.endpoint;

import java.util.List;
import java.util.Set;

import dev.redisdb.DbItem;
import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredKey;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/redisdb/{userId}}: {@code GET} lists every key that holds data of the user (entry keys, sessions
 * keyed by session id, the user's index) with whether it exists, its TTL and size, and, only where
 * {@code management.endpoint.redisdb.show-values} allows it, the decoded value; {@code DELETE} erases the user as
 * {@link RedisUserStore#delete(String)} does and answers which keys it removed.
 *
 * @since 0.2.0
 */
@Endpoint(id = "redisdb")
public class RedisDbEndpoint {

	private final RedisUserStore store;

	private final Show showValues;

	private final Set<String> roles;

	/**
	 * @param store the store
	 * @param showValues when decoded values are shown
	 * @param roles the roles that see values with {@link Show#WHEN_AUTHORIZED}
	 */
	public RedisDbEndpoint(RedisUserStore store, Show showValues, Set<String> roles) {
		this.store = store;
		this.showValues = showValues;
		this.roles = Set.copyOf(roles);
	}

	/**
	 * @param securityContext who asks
	 * @param userId the user id
	 * @return the user's keys
	 */
	@ReadOperation
	public UserDescriptor user(SecurityContext securityContext, @Selector String userId) {
		boolean showValues = this.showValues.isShown(securityContext, this.roles);
		List<KeyDescriptor> keys = this.store.inspect(userId)
			.stream()
			.map((key) -> KeyDescriptor.of(key, showValues))
			.toList();
		return new UserDescriptor(keys);
	}

	/**
	 * @param userId the user id
	 * @return the keys that held data of the user and were removed
	 */
	@DeleteOperation
	public ErasureDescriptor erase(@Selector String userId) {
		List<String> existing = this.store.inspect(userId).stream().filter(StoredKey::exists).map(StoredKey::key)
			.toList();
		this.store.delete(userId);
		return new ErasureDescriptor(existing);
	}

	/**
	 * What the store holds about a user.
	 *
	 * @param keys every key that holds its data
	 */
	public record UserDescriptor(List<KeyDescriptor> keys) {
	}

	/**
	 * One key of a user.
	 *
	 * @param entry the entry, or {@code index}
	 * @param key the Redis key
	 * @param exists whether it exists
	 * @param ttlSeconds seconds until it expires, -1 for never, -2 when it does not exist
	 * @param size its value's length in bytes (the index: its number of keys)
	 * @param value the decoded value where shown, else null
	 * @param problem why the value cannot be decoded, or null
	 */
	public record KeyDescriptor(String entry, String key, boolean exists, long ttlSeconds, long size,
			@Nullable DbItem value, @Nullable String problem) {

		static KeyDescriptor of(StoredKey key, boolean showValue) {
			return new KeyDescriptor(key.entryId(), key.key(), key.exists(), key.ttlSeconds(), key.size(),
					showValue ? key.value() : null, key.problem());
		}

	}

	/**
	 * What an erasure removed.
	 *
	 * @param removed the keys that existed and were deleted
	 */
	public record ErasureDescriptor(List<String> removed) {
	}

}

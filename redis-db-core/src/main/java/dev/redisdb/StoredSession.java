package dev.redisdb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The session of one user as the app works with it during a turn: restored from Redis while it has not expired,
 * otherwise new and empty. Not thread-safe: it belongs to one turn.
 *
 * @since 0.1.0
 */
public final class StoredSession {

	private final @Nullable String id;

	private final DataMap data;

	private final List<Object> state;

	/** Whether the stored session had a state stack, even an empty one: Jovo writes {@code "state":[]} back. */
	private final boolean stateStored;

	private final Instant createdAt;

	private final Instant updatedAt;

	private final boolean isNew;

	StoredSession(@Nullable String id, @Nullable Map<String, @Nullable Object> data, @Nullable List<Object> state,
			Instant createdAt, Instant updatedAt, boolean isNew) {
		this.id = id;
		this.data = new DataMap(data);
		this.state = new ArrayList<>((state != null) ? state : List.of());
		this.stateStored = state != null;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.isNew = isNew;
	}

	static StoredSession startNew(@Nullable String id, Instant now) {
		return new StoredSession(id, null, null, now, now, true);
	}

	/** @return the session id: the stored one for a restored session, the turn's for a new one; may be null */
	public @Nullable String id() {
		return this.id;
	}

	/** @return the session data, mutable, with typed access */
	public DataMap data() {
		return this.data;
	}

	/**
	 * @return the state stack, mutable; stored when not empty, or when the stored session had one (even empty, as
	 * Jovo writes it)
	 */
	public List<Object> state() {
		return this.state;
	}

	/** @return the state stack as it is to be stored, null to leave it out */
	@Nullable List<Object> storedState() {
		return (this.stateStored || !this.state.isEmpty()) ? this.state : null;
	}

	/** @return when the session started */
	public Instant createdAt() {
		return this.createdAt;
	}

	/** @return when the session was last saved; for a new session, the load time */
	public Instant updatedAt() {
		return this.updatedAt;
	}

	/** @return whether the session started with this turn (nothing stored, or the stored one had expired) */
	public boolean isNew() {
		return this.isNew;
	}

}

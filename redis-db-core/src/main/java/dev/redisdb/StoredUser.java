package dev.redisdb;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One user's data as the app works with it during a turn: loaded by {@link RedisUserStore#load}, changed by the app,
 * written by {@link RedisUserStore#save}. Not thread-safe: it belongs to one turn.
 *
 * @since 0.1.0
 */
public final class StoredUser {

	private final String userId;

	private final TurnContext context;

	private final boolean isNew;

	private final DataMap data;

	private final StoredSession session;

	private final List<Map<String, Object>> history;

	private final Map<String, Object> currentTurn = new LinkedHashMap<>();

	private final Instant createdAt;

	private final Instant updatedAt;

	private final LoadedEntries loaded;

	StoredUser(String userId, TurnContext context, @Nullable Map<String, @Nullable Object> data, StoredSession session,
			List<Map<String, Object>> history, Instant createdAt, Instant updatedAt, LoadedEntries loaded) {
		this.userId = userId;
		this.context = context;
		this.isNew = loaded.isEmpty();
		this.data = new DataMap(data);
		this.session = session;
		this.history = Collections.unmodifiableList(history);
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.loaded = loaded;
	}

	/** @return the user id this data belongs to */
	public String userId() {
		return this.userId;
	}

	/** @return the turn's context the data was loaded with; keys are made with it again on save */
	public TurnContext context() {
		return this.context;
	}

	/** @return whether nothing was stored for this user: none of its entry keys existed */
	public boolean isNew() {
		return this.isNew;
	}

	/** @return the user data ({@code user.data}), mutable, with typed access */
	public DataMap data() {
		return this.data;
	}

	/** @return the session: restored while not expired, otherwise new */
	public StoredSession session() {
		return this.session;
	}

	/** @return the stored history items, newest first, as loaded; read-only */
	public List<Map<String, Object>> history() {
		return this.history;
	}

	/**
	 * The fields of this turn's history item, such as {@code output} or {@code nlu}. On save, the fields the
	 * history flags keep become the newest history item; nothing is added when none is kept.
	 * @return the turn's item, mutable
	 */
	public Map<String, Object> currentTurn() {
		return this.currentTurn;
	}

	/** @return when the user was first stored; for a new user, the load time */
	public Instant createdAt() {
		return this.createdAt;
	}

	/** @return when the user was last saved; for a new user, the load time */
	public Instant updatedAt() {
		return this.updatedAt;
	}

	LoadedEntries loaded() {
		return this.loaded;
	}

}

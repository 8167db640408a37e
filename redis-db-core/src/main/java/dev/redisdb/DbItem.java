package dev.redisdb;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The stored shape of a user's data, or of the part one entry holds: Jovo's {@code DbItem}. Each element is present
 * only when the entry holds it; fields that other tools stored at the top level are kept in {@link #otherFields()}
 * and written back unchanged.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "user", "session", "history", "createdAt", "updatedAt" })
public final class DbItem {

	private UserPart user;

	private SessionPart session;

	private HistoryPart history;

	private Instant createdAt;

	private Instant updatedAt;

	private final Map<String, Object> otherFields = new LinkedHashMap<>();

	public UserPart getUser() {
		return this.user;
	}

	public void setUser(UserPart user) {
		this.user = user;
	}

	public SessionPart getSession() {
		return this.session;
	}

	public void setSession(SessionPart session) {
		this.session = session;
	}

	public HistoryPart getHistory() {
		return this.history;
	}

	public void setHistory(HistoryPart history) {
		this.history = history;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public void setUpdatedAt(Instant updatedAt) {
		this.updatedAt = updatedAt;
	}

	/** @return top-level fields this library does not know, in stored order; mutable */
	@JsonAnyGetter
	public Map<String, Object> otherFields() {
		return this.otherFields;
	}

	@JsonAnySetter
	void putOtherField(String name, Object value) {
		this.otherFields.put(name, value);
	}

	/**
	 * Merges as Jovo does when it reads several entries: every top-level field the later item has replaces this
	 * item's field as a whole.
	 * @param later the item read after this one
	 */
	public void mergeFrom(DbItem later) {
		if (later.user != null) {
			this.user = later.user;
		}
		if (later.session != null) {
			this.session = later.session;
		}
		if (later.history != null) {
			this.history = later.history;
		}
		if (later.createdAt != null) {
			this.createdAt = later.createdAt;
		}
		if (later.updatedAt != null) {
			this.updatedAt = later.updatedAt;
		}
		this.otherFields.putAll(later.otherFields);
	}

	/**
	 * The stored user data: {@code {"data": {...}}}.
	 *
	 * @param data the user data
	 */
	public record UserPart(Map<String, Object> data) {
	}

	/**
	 * A stored session: {@code {"id", "data", "state", "createdAt", "updatedAt"}}, id and state left out when
	 * absent.
	 *
	 * @param id the session id
	 * @param data the session data
	 * @param state the state stack
	 * @param createdAt when the session started
	 * @param updatedAt when the session was last saved
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "id", "data", "state", "createdAt", "updatedAt" })
	public record SessionPart(String id, Map<String, Object> data, List<Object> state, Instant createdAt,
			Instant updatedAt) {
	}

	/**
	 * The stored interaction history: {@code {"items": [...]}}, newest first.
	 *
	 * @param items one item per turn
	 */
	public record HistoryPart(List<Map<String, Object>> items) {
	}

}

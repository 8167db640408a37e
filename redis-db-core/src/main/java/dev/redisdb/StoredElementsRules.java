package dev.redisdb;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.redisdb.DbItem.HistoryPart;
import dev.redisdb.DbItem.SessionPart;
import dev.redisdb.DbItem.UserPart;

/**
 * Jovo's stored-elements rules, in both directions: loaded items into the {@link StoredUser} an app works with, and
 * that user back into one item per entry.
 */
final class StoredElementsRules {

	private final StoredElements elements;

	private final List<String> keptHistoryFields;

	StoredElementsRules(StoredElements elements) {
		this.elements = elements;
		this.keptHistoryFields = elements.history().fields();
	}

	StoredUser toUser(String userId, TurnContext context, LoadedEntries loaded, Instant now) {
		DbItem merged = new DbItem();
		for (DbItem item : loaded.items()) {
			if (item != null) {
				merged.mergeFrom(item);
			}
		}
		Map<String, Object> data = (this.elements.user() && merged.getUser() != null)
				? merged.getUser().data() : null;
		List<Map<String, Object>> history = (this.elements.history().enabled() && merged.getHistory() != null
				&& merged.getHistory().items() != null) ? merged.getHistory().items() : List.of();
		Instant createdAt = (merged.getCreatedAt() != null) ? merged.getCreatedAt() : now;
		Instant updatedAt = (merged.getUpdatedAt() != null) ? merged.getUpdatedAt() : now;
		return new StoredUser(userId, context, data, restoreSession(merged.getSession(), context, now), history,
				createdAt, updatedAt, loaded);
	}

	/** As Jovo: a stored session without {@code createdAt} gets the load time, one without {@code updatedAt}. */
	private StoredSession restoreSession(@Nullable SessionPart stored, TurnContext context, Instant now) {
		if (!this.elements.session().enabled() || stored == null || isExpired(stored, now)) {
			return StoredSession.startNew(context.sessionId(), now);
		}
		String id = (stored.id() != null) ? stored.id() : context.sessionId();
		Instant createdAt = (stored.createdAt() != null) ? stored.createdAt() : now;
		Instant updatedAt = (stored.updatedAt() != null) ? stored.updatedAt() : now;
		return new StoredSession(id, stored.data(), stored.state(), createdAt, updatedAt, false);
	}

	/** As Jovo: a session without {@code updatedAt} has no age (JavaScript's NaN) and never expires. */
	private boolean isExpired(SessionPart stored, Instant now) {
		if (stored.updatedAt() == null) {
			return false;
		}
		Duration age = Duration.between(stored.updatedAt(), now);
		return age.toMillis() > this.elements.session().effectiveExpiresAfterSeconds() * 1000;
	}

	/** @return the whole record as it is to be stored, before it is split into entries */
	DbItem toItem(StoredUser user, Instant now) {
		DbItem item = new DbItem();
		if (this.elements.user()) {
			item.setUser(new UserPart(user.data()));
		}
		if (this.elements.session().enabled()) {
			StoredSession session = user.session();
			item.setSession(new SessionPart(session.id(), session.data(), session.storedState(), session.createdAt(),
					now));
		}
		if (this.elements.history().enabled()) {
			item.setHistory(new HistoryPart(historyWithCurrentTurn(user)));
		}
		if (this.elements.createdAt()) {
			item.setCreatedAt(user.createdAt());
		}
		if (this.elements.updatedAt()) {
			item.setUpdatedAt(now);
		}
		return item;
	}

	private List<Map<String, Object>> historyWithCurrentTurn(StoredUser user) {
		Map<String, Object> turn = new LinkedHashMap<>();
		for (String field : this.keptHistoryFields) {
			if (user.currentTurn().containsKey(field)) {
				turn.put(field, user.currentTurn().get(field));
			}
		}
		int size = this.elements.history().size();
		List<Map<String, Object>> items = new ArrayList<>(size);
		if (!turn.isEmpty()) {
			items.add(turn);
		}
		for (Map<String, Object> previous : user.history()) {
			if (items.size() == size) {
				break;
			}
			items.add(previous);
		}
		return items;
	}

	/**
	 * @param entry the entry
	 * @param whole the whole record from {@link #toItem}
	 * @param loaded what the entry held when loaded, null if nothing: its unknown fields are kept
	 * @return the entry's part
	 */
	static DbItem partFor(Entry entry, DbItem whole, @Nullable DbItem loaded) {
		DbItem part = new DbItem();
		if (entry.holds(StoredElement.USER)) {
			part.setUser(whole.getUser());
		}
		if (entry.holds(StoredElement.SESSION)) {
			part.setSession(whole.getSession());
		}
		if (entry.holds(StoredElement.HISTORY)) {
			part.setHistory(whole.getHistory());
		}
		if (entry.holds(StoredElement.CREATED_AT)) {
			part.setCreatedAt(whole.getCreatedAt());
		}
		if (entry.holds(StoredElement.UPDATED_AT)) {
			part.setUpdatedAt(whole.getUpdatedAt());
		}
		if (loaded != null) {
			part.otherFields().putAll(loaded.otherFields());
		}
		return part;
	}

	/** @return the time of a save or a load, as Jovo stores it: to the millisecond */
	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}

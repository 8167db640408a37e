package dev.redisdb;

import org.springframework.util.Assert;

/**
 * Which elements of a user's data are stored: Jovo's {@code storedElements}.
 *
 * @param user whether user data is stored
 * @param session whether and how session data is stored
 * @param history whether and how the interaction history is stored
 * @param createdAt whether the creation time is stored
 * @param updatedAt whether the time of the last save is stored
 * @since 0.2.0
 */
public record StoredElements(boolean user, SessionElement session, HistoryElement history, boolean createdAt,
		boolean updatedAt) {

	public StoredElements {
		Assert.notNull(session, "session must not be null");
		Assert.notNull(history, "history must not be null");
	}

	/** @return Jovo's defaults: user data and both timestamps, no session, no history */
	public static StoredElements defaults() {
		return new StoredElements(true, SessionElement.off(), HistoryElement.off(), true, true);
	}

	/**
	 * @param session the session setting
	 * @return a copy with it
	 */
	public StoredElements withSession(SessionElement session) {
		return new StoredElements(this.user, session, this.history, this.createdAt, this.updatedAt);
	}

	/**
	 * @param history the history setting
	 * @return a copy with it
	 */
	public StoredElements withHistory(HistoryElement history) {
		return new StoredElements(this.user, this.session, history, this.createdAt, this.updatedAt);
	}

	/**
	 * @param element an element
	 * @return whether it is stored
	 */
	public boolean isEnabled(StoredElement element) {
		return switch (element) {
			case USER -> this.user;
			case SESSION -> this.session.enabled();
			case HISTORY -> this.history.enabled();
			case CREATED_AT -> this.createdAt;
			case UPDATED_AT -> this.updatedAt;
		};
	}

}

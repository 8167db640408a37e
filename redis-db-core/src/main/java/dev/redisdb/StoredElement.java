package dev.redisdb;

/**
 * An element of a user's data that the store can keep, as Jovo names them in {@code storedElements}.
 *
 * @since 0.2.0
 */
public enum StoredElement {

	/** User data, {@code user.data}: kept for months. */
	USER("user"),

	/** Session data and state, for platforms that keep no session of their own. */
	SESSION("session"),

	/** The interaction history, newest first. */
	HISTORY("history"),

	/** When the user was first stored. */
	CREATED_AT("created-at"),

	/** When the user was last saved. */
	UPDATED_AT("updated-at");

	private final String optionName;

	StoredElement(String optionName) {
		this.optionName = optionName;
	}

	/** @return the element's name in options and configuration, such as {@code created-at} */
	public String optionName() {
		return this.optionName;
	}

}

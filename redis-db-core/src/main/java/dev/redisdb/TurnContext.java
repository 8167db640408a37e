package dev.redisdb;

/**
 * What the platform request of one turn says beyond the user id, for hooks that need it (a {@link KeyStrategy} that
 * keys the session entry by session id, for example).
 *
 * @param sessionId the platform's session id, or {@code null} where the platform has none
 *
 * @since 0.1.0
 */
public record TurnContext(String sessionId) {

	private static final TurnContext NONE = new TurnContext(null);

	/** @return a context without session id */
	public static TurnContext none() {
		return NONE;
	}

	/**
	 * @param sessionId the platform's session id, may be null
	 * @return a context carrying it
	 */
	public static TurnContext ofSession(String sessionId) {
		return (sessionId != null) ? new TurnContext(sessionId) : NONE;
	}

}

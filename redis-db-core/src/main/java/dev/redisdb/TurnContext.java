package dev.redisdb;

import org.jspecify.annotations.Nullable;

/**
 * What the platform request of one turn says beyond the user id, for hooks that need it (a {@link KeyStrategy} that
 * keys the session entry by session id, for example). An entry whose key depends on it belongs to the user that
 * first stored it: another user's turn that carries the same session id cannot read or overwrite it (see
 * {@link RedisUserStore}).
 *
 * @param sessionId the platform's session id, or {@code null} where the platform has none; never empty
 * @since 0.1.0
 */
public record TurnContext(@Nullable String sessionId) {

	private static final TurnContext NONE = new TurnContext(null);

	public TurnContext {
		if (sessionId != null && sessionId.isEmpty()) {
			throw new IllegalArgumentException("sessionId must not be empty: pass null where the request has no session");
		}
	}

	/** @return a context without session id */
	public static TurnContext none() {
		return NONE;
	}

	/**
	 * @param sessionId the platform's session id, may be null
	 * @return a context carrying it
	 * @throws IllegalArgumentException when the session id is empty
	 */
	public static TurnContext ofSession(@Nullable String sessionId) {
		return (sessionId != null) ? new TurnContext(sessionId) : NONE;
	}

}

package dev.redisdb;

/**
 * Whether session data is stored, and when a stored session is replaced by a new one.
 *
 * @param enabled whether session data is stored
 * @param expiresAfterSeconds seconds after the stored session's last update after which a load starts a new, empty
 * session instead; 0 means the default, 900, as in Jovo
 * @since 0.2.0
 */
public record SessionElement(boolean enabled, long expiresAfterSeconds) {

	private static final long DEFAULT_EXPIRES_AFTER_SECONDS = 900;

	/** @return the expiry in seconds, 0 read as the default as Jovo reads it */
	long effectiveExpiresAfterSeconds() {
		return (this.expiresAfterSeconds != 0) ? this.expiresAfterSeconds : DEFAULT_EXPIRES_AFTER_SECONDS;
	}

	/** @return sessions not stored (Jovo's default) */
	public static SessionElement off() {
		return new SessionElement(false, DEFAULT_EXPIRES_AFTER_SECONDS);
	}

	/** @return sessions stored, expiring 900 seconds after their last update */
	public static SessionElement on() {
		return new SessionElement(true, DEFAULT_EXPIRES_AFTER_SECONDS);
	}

	/**
	 * @param seconds seconds after a session's last update
	 * @return sessions stored, expiring after that time
	 */
	public static SessionElement expiringAfterSeconds(long seconds) {
		return new SessionElement(true, seconds);
	}

}

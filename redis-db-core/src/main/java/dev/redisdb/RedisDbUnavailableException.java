package dev.redisdb;

import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Redis could not be reached, did not answer in time, or answered with an error it gives while it fails over,
 * reshards or loads its data ({@code CLUSTERDOWN}, {@code TRYAGAIN}, {@code MOVED}, {@code ASK}, {@code LOADING},
 * {@code MASTERDOWN}, {@code READONLY}). Transient: the same call may succeed later. Its message names the server,
 * never a password.
 * <p>
 * A save or update that was sent but not answered in time may still have been applied by Redis, whole (it is one
 * atomic command or script) or not at all: {@link #mayHaveBeenApplied()} says so, and a caller that retries must
 * make its change idempotent (for example by remembering the turn's id in the user data).
 *
 * @since 0.1.0
 */
public class RedisDbUnavailableException extends TransientDataAccessResourceException {

	private final boolean mayHaveBeenApplied;

	/**
	 * @param message what failed and where, without secrets
	 * @param cause the underlying failure
	 */
	public RedisDbUnavailableException(String message, Throwable cause) {
		this(message, cause, false);
	}

	/**
	 * @param message what failed and where, without secrets
	 * @param cause the underlying failure
	 * @param mayHaveBeenApplied whether a write was sent before the failure, so that Redis may have applied it
	 * @since 0.2.0
	 */
	public RedisDbUnavailableException(String message, Throwable cause, boolean mayHaveBeenApplied) {
		super(mayHaveBeenApplied ? message + "; the write was sent and may still have been applied" : message, cause);
		this.mayHaveBeenApplied = mayHaveBeenApplied;
	}

	/**
	 * @return whether the failed call was a write that Redis may still have applied (whole, never in part); false
	 * when nothing was written
	 * @since 0.2.0
	 */
	public boolean mayHaveBeenApplied() {
		return this.mayHaveBeenApplied;
	}

}

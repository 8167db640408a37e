package dev.redisdb.autoconfigure;

import dev.redisdb.InvalidStoreOptionException;

/**
 * A {@code jovo.redis.*} property cannot work; the application does not start. {@link RedisDbFailureAnalyzer}
 * reports the property, the problem and the fix. The message never holds a password.
 *
 * @since 0.2.0
 */
public class RedisDbConfigurationException extends RuntimeException {

	private static final String PREFIX = "jovo.redis.";

	private final String property;

	private final String problem;

	private final String action;

	/**
	 * @param property the full property name, such as {@code jovo.redis.entries[1].id}, or {@code jovo.redis} for
	 * all of them
	 * @param problem what is wrong with its value
	 * @param action how to fix it
	 */
	public RedisDbConfigurationException(String property, String problem, String action) {
		super(property + " " + problem + ": " + action);
		this.property = property;
		this.problem = problem;
		this.action = action;
	}

	/**
	 * @param invalid an invalid option of the store, as bound from {@code jovo.redis.*}
	 * @return the same problem, named by its property
	 */
	static RedisDbConfigurationException of(InvalidStoreOptionException invalid) {
		return new RedisDbConfigurationException(PREFIX + invalid.option(), invalid.problem(), invalid.action());
	}

	/** @return the full property name, or {@code jovo.redis} for all of them */
	public String property() {
		return this.property;
	}

	/** @return what is wrong with its value */
	public String problem() {
		return this.problem;
	}

	/** @return how to fix it */
	public String action() {
		return this.action;
	}

}

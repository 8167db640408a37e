package dev.redisdb;

/**
 * A {@link StoreOptions} value, or the store's combination of options and Redis, cannot work. The message names the
 * option (for example {@code entries[1].id}), the problem and the fix; Spring Boot applications see it with the
 * option's property name under {@code jovo.redis}.
 *
 * @since 0.2.0
 */
public class InvalidStoreOptionException extends IllegalArgumentException {

	private final String option;

	private final String problem;

	private final String action;

	/**
	 * @param option the option's name in configuration form, such as {@code entries[1].id}
	 * @param problem what is wrong, such as {@code 'user' is used by another entry}
	 * @param action how to fix it, such as {@code give each entry a unique id}
	 */
	public InvalidStoreOptionException(String option, String problem, String action) {
		super(option + " " + problem + ": " + action);
		this.option = option;
		this.problem = problem;
		this.action = action;
	}

	/** @return the option's name in configuration form, such as {@code entries[1].id} */
	public String option() {
		return this.option;
	}

	/** @return what is wrong with it */
	public String problem() {
		return this.problem;
	}

	/** @return how to fix it */
	public String action() {
		return this.action;
	}

}

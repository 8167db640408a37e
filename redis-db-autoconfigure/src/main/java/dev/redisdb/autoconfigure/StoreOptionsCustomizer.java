package dev.redisdb.autoconfigure;

import dev.redisdb.StoreOptions;

/**
 * Changes the options of the auto-configured {@link dev.redisdb.RedisUserStore} after {@code jovo.redis.*} has set
 * them: the builder holds every value bound from the properties, and what a customizer does not change stays as
 * configured. Customizers run in {@link org.springframework.core.annotation.Order @Order}; the options are built and
 * checked once, after the last one. A bean method that changes one option:
 *
 * <pre>{@code
 * StoreOptionsCustomizer moreAttempts() {
 *     return (options) -> options.updateAttempts(20);
 * }
 * }</pre>
 *
 * The store and its {@link dev.redisdb.KeyStrategy} get the changed options; a key prefix, separator or hash tag set
 * here reaches the keys only through a strategy that uses them, as {@link dev.redisdb.KeyStrategy#jovo()} does.
 * Declare this rather than a {@link StoreOptions} bean: the application does not start with a {@code StoreOptions}
 * bean of its own, since that would drop every {@code jovo.redis.*} setting.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface StoreOptionsCustomizer {

	/**
	 * @param options the options built from {@code jovo.redis.*} so far, never null
	 */
	void customize(StoreOptions.Builder options);

}

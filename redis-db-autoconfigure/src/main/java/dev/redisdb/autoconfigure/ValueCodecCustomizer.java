package dev.redisdb.autoconfigure;

import dev.redisdb.ValueCodec;

/**
 * Changes the codec of the auto-configured {@link dev.redisdb.RedisUserStore}, for example by adding a
 * {@link dev.redisdb.ValueTransform}. The store's codec is built in this order:
 * <ol>
 * <li>the application's {@link ValueCodec} bean, or {@link ValueCodec#json()} when there is none;</li>
 * <li>each {@code ValueCodecCustomizer} bean, in {@link org.springframework.core.annotation.Order @Order}, given what
 * the previous one returned;</li>
 * <li>compression from {@code jovo.redis.compression.*}, then encryption from {@code jovo.redis.encryption.*}.</li>
 * </ol>
 * Compression and encryption come last, so they apply to whatever the codec and the customizers write, and no
 * customizer can leave them out. A bean method that adds a transform:
 *
 * <pre>{@code
 * ValueCodecCustomizer signedValues(ValueTransform signature) {
 *     return (codec) -> codec.andThen(signature);
 * }
 * }</pre>
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface ValueCodecCustomizer {

	/**
	 * @param codec the codec so far, never null
	 * @return the codec to use instead, typically {@code codec.andThen(transform)}; never null
	 */
	ValueCodec customize(ValueCodec codec);

}

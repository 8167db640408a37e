package dev.redisdb.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the {@link org.springframework.data.redis.connection.RedisConnectionFactory} the user store uses, where it
 * should not use the application's: declare a second factory, annotate its {@code @Bean} method with this (and
 * {@code defaultCandidate = false}, so that the application's injection points keep theirs). Setting
 * {@code jovo.redis.connection-string} declares such a factory for you.
 *
 * @since 0.2.0
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE,
		ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface RedisDbConnectionFactory {

}

package dev.redisdb.autoconfigure;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Whether {@code jovo.redis.connection-string} has a value: it decides between the store's own connection and the
 * application's.
 */
final class ConnectionStringConditions {

	private static final String PROPERTY = "jovo.redis.connection-string";

	private ConnectionStringConditions() {
	}

	private static boolean isSet(ConditionContext context) {
		return StringUtils.hasText(context.getEnvironment().getProperty(PROPERTY));
	}

	static final class Set implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return isSet(context);
		}

	}

	static final class NotSet implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !isSet(context);
		}

	}

}

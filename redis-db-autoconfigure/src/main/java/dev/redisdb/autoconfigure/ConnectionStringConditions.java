package dev.redisdb.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Whether {@code jovo.redis.connection-string} has a value: it decides between the store's own connection and the
 * application's, and says which in the conditions report.
 */
final class ConnectionStringConditions {

	private static final String PROPERTY = "jovo.redis.connection-string";

	private ConnectionStringConditions() {
	}

	private static ConditionOutcome outcome(ConditionContext context, boolean matchWhenSet) {
		boolean set = StringUtils.hasText(context.getEnvironment().getProperty(PROPERTY));
		ConditionMessage.Builder message = ConditionMessage.forCondition("redis-db connection", PROPERTY);
		ConditionMessage found = set ? message.found("property").items(PROPERTY)
				: message.didNotFind("property").items(PROPERTY);
		return new ConditionOutcome(set == matchWhenSet, found);
	}

	/** The store makes its own connection from the connection string. */
	static final class Set extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return outcome(context, true);
		}

	}

	/** The store uses the application's connection factory. */
	static final class NotSet extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return outcome(context, false);
		}

	}

}

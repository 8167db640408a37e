package dev.redisdb.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Whether the store gets a connection of its own: when {@code jovo.redis.connection-string} has a value or the
 * application has a {@link RedisDbConnectionDetails} bean (such as one {@code @ServiceConnection} registers);
 * otherwise it uses the application's. The conditions report says which property or bean decided.
 */
final class OwnConnectionConditions {

	private static final String PROPERTY = "jovo.redis.connection-string";

	private OwnConnectionConditions() {
	}

	private static ConditionOutcome outcome(ConditionContext context, boolean matchWhenOwn) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("redis-db own connection");
		if (StringUtils.hasText(context.getEnvironment().getProperty(PROPERTY))) {
			return new ConditionOutcome(matchWhenOwn, message.found("property").items(PROPERTY));
		}
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		String[] details = (beanFactory != null)
				? beanFactory.getBeanNamesForType(RedisDbConnectionDetails.class, true, false) : new String[0];
		if (details.length > 0) {
			return new ConditionOutcome(matchWhenOwn,
					message.found(RedisDbConnectionDetails.class.getSimpleName() + " bean",
							RedisDbConnectionDetails.class.getSimpleName() + " beans")
						.items(ConditionMessage.Style.QUOTE, List.of(details)));
		}
		return new ConditionOutcome(!matchWhenOwn, message.didNotFind("property " + PROPERTY + " nor a "
				+ RedisDbConnectionDetails.class.getSimpleName() + " bean").atAll());
	}

	/** Evaluated when beans are registered, after the application's own and the service connections. */
	private abstract static class BeanAwareCondition extends SpringBootCondition implements ConfigurationCondition {

		@Override
		public ConfigurationPhase getConfigurationPhase() {
			return ConfigurationPhase.REGISTER_BEAN;
		}

	}

	/** The store makes its own connection, from connection details or the connection string. */
	static final class Own extends BeanAwareCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return outcome(context, true);
		}

	}

	/** The store uses the application's connection factory. */
	static final class Application extends BeanAwareCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return outcome(context, false);
		}

	}

}

package dev.redisdb.autoconfigure;

import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.util.StringUtils;

/**
 * Whether the store gets a connection of its own: when {@code jovo.redis.connection-string} has a value or the
 * application has a {@link RedisDbConnectionDetails} bean (such as one {@code @ServiceConnection} registers);
 * otherwise it uses the application's Redis, through a connection derived from the factory Spring Boot built, or
 * through the application's own factory when the application declared it. The conditions report says which property
 * or bean decided.
 */
final class OwnConnectionConditions {

	private static final String PROPERTY = "jovo.redis.connection-string";

	/** Where Spring Boot declares the Lettuce connection factory it builds from {@code spring.data.redis.*}. */
	private static final String BOOT_LETTUCE_CONFIGURATION = "org.springframework.boot.data.redis.autoconfigure."
			+ "LettuceConnectionConfiguration";

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

	private static ConditionOutcome derivedOutcome(ConditionContext context) {
		ConditionOutcome application = outcome(context, false);
		if (!application.isMatch()) {
			return application;
		}
		ConditionMessage.Builder message = ConditionMessage.forCondition("redis-db connection derived from Spring Boot's");
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		List<String> factories = (beanFactory != null)
				? Arrays.stream(beanFactory.getBeanNamesForType(RedisConnectionFactory.class, true, false))
					.filter((name) -> !RedisDbAutoConfiguration.CONNECTION_FACTORY_BEAN_NAME.equals(name))
					.toList()
				: List.of();
		if (factories.size() == 1 && declaredByBoot(beanFactory.getBeanDefinition(factories.get(0)))) {
			return ConditionOutcome.match(message.found("Spring Boot's connection factory").items(factories));
		}
		return ConditionOutcome.noMatch(message.didNotFind("Spring Boot's connection factory alone")
			.items(ConditionMessage.Style.QUOTE, factories));
	}

	private static boolean declaredByBoot(BeanDefinition definition) {
		MethodMetadata factoryMethod = (definition instanceof AnnotatedBeanDefinition annotated)
				? annotated.getFactoryMethodMetadata() : null;
		return factoryMethod != null && BOOT_LETTUCE_CONFIGURATION.equals(factoryMethod.getDeclaringClassName());
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

	/**
	 * The store uses the application's Redis through a connection of its own derived from the Lettuce factory
	 * Spring Boot built, the application's only connection factory.
	 */
	static final class Derived extends BeanAwareCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return derivedOutcome(context);
		}

	}

	/** The store has a connection of its own: {@link Own} or {@link Derived}. */
	static final class OwnOrDerived extends BeanAwareCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionOutcome own = outcome(context, true);
			return own.isMatch() ? own : derivedOutcome(context);
		}

	}

}

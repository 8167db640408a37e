package dev.redisdb.autoconfigure;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.redisdb.StoreOptions;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Stops the application, before any bean is created, when it declares a {@link StoreOptions} bean: the store's options
 * are the ones {@code jovo.redis.*} sets, changed by {@link StoreOptionsCustomizer}s, and a bean replacing them would
 * drop every property.
 */
final class StoreOptionsBeanCheck implements BeanFactoryPostProcessor {

	private final String optionsBeanName;

	StoreOptionsBeanCheck(String optionsBeanName) {
		this.optionsBeanName = optionsBeanName;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		List<String> declared = Arrays.stream(beanFactory.getBeanNamesForType(StoreOptions.class, true, false))
			.filter((name) -> !name.equals(this.optionsBeanName))
			.toList();
		if (!declared.isEmpty()) {
			boolean one = declared.size() == 1;
			String names = declared.stream().map((name) -> "'" + name + "'").collect(Collectors.joining(", "));
			throw new RedisDbConfigurationException("jovo.redis", "sets the store's options, but the application "
					+ "declares " + (one ? "a StoreOptions bean, " : "StoreOptions beans ") + names + ", which would "
					+ "drop every jovo.redis.* setting", "remove " + (one ? "it" : "them") + " and declare a "
							+ "StoreOptionsCustomizer bean that changes what jovo.redis.* sets (a RedisUserStore the "
							+ "application builds itself takes its StoreOptions in its constructor, not as a bean)");
		}
	}

}

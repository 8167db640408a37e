package dev.redisdb.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.redisdb.RedisDbProperties;
import dev.redisdb.RedisDbProperties.HistoryElement;
import dev.redisdb.RedisDbProperties.StoredElements;

import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * Binds Jovo's history field flags, which stand beside {@code size} under any name
 * ({@code jovo.redis.stored-elements.history.asr: true}), into {@link HistoryElement#fields()}: a record can only
 * bind the names of its own components.
 */
final class HistoryFlagsBindHandlerAdvisor implements ConfigurationPropertiesBindHandlerAdvisor {

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("jovo.redis");

	private static final ConfigurationPropertyName HISTORY = ConfigurationPropertyName
		.of("jovo.redis.stored-elements.history");

	private static final Set<String> SETTINGS = Set.of("enabled", "size", "fields");

	@Override
	public BindHandler apply(BindHandler bindHandler) {
		return new AbstractBindHandler(bindHandler) {

			@Override
			public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
					Object result) {
				return addHistoryFlags(name, context, super.onSuccess(name, target, context, result));
			}

			/** Called instead of onSuccess when no component of the record had a value of its own. */
			@Override
			public Object onCreate(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
					Object result) {
				return addHistoryFlags(name, context, super.onCreate(name, target, context, result));
			}

		};
	}

	private static Object addHistoryFlags(ConfigurationPropertyName name, BindContext context, Object bound) {
		if (ROOT.equals(name) && bound instanceof RedisDbProperties properties) {
			return withHistoryFlags(properties, context.getBinder());
		}
		return bound;
	}

	private static RedisDbProperties withHistoryFlags(RedisDbProperties properties, Binder binder) {
		BindResult<String> scalar = binder.bind(HISTORY, Bindable.of(String.class));
		if (scalar.isBound()) {
			return properties;
		}
		Map<String, Object> history = binder.bind(HISTORY, Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of());
		Map<String, String> flags = new LinkedHashMap<>();
		history.forEach((field, value) -> {
			if (!SETTINGS.contains(field) && value instanceof String flag) {
				flags.put(field, flag);
			}
		});
		if (flags.isEmpty()) {
			return properties;
		}
		boolean enabled = !history.containsKey("enabled") || Boolean.parseBoolean(String.valueOf(history.get("enabled")));
		StoredElements elements = properties.storedElements();
		return properties.withStoredElements(new StoredElements(elements.user(), elements.session(),
				elements.history().withFlags(enabled, flags), elements.createdAt(), elements.updatedAt()));
	}

}

package dev.redisdb.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.redisdb.autoconfigure.RedisDbProperties.HistoryElement;
import dev.redisdb.autoconfigure.RedisDbProperties.StoredElements;

import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * Binds Jovo's history flags of any name, which stand beside {@code size}
 * ({@code jovo.redis.stored-elements.history.myField: true}), into {@link HistoryElement#otherFields()}: a record
 * binds only the names of its own components. Only the history's own properties are bound a second time, as a map.
 */
final class HistoryFlagsBindHandlerAdvisor implements ConfigurationPropertiesBindHandlerAdvisor {

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("jovo.redis");

	private static final ConfigurationPropertyName HISTORY = ROOT.append("stored-elements").append("history");

	/** The history record's own components, in their configuration form. */
	private static final Set<String> COMPONENTS = Set.of("enabled", "size", "output", "nlu", "asr", "state", "request",
			"response", "other-fields", "otherfields", "otherFields");

	@Override
	public BindHandler apply(BindHandler bindHandler) {
		return new AbstractBindHandler(bindHandler) {

			@Override
			public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
					Object result) {
				return withOtherFlags(name, context, super.onSuccess(name, target, context, result));
			}

			/** Called instead of onSuccess when no component of the record had a value of its own. */
			@Override
			public Object onCreate(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
					Object result) {
				return withOtherFlags(name, context, super.onCreate(name, target, context, result));
			}

		};
	}

	private static Object withOtherFlags(ConfigurationPropertyName name, BindContext context, Object bound) {
		if (!ROOT.equals(name) || !(bound instanceof RedisDbProperties properties)) {
			return bound;
		}
		Map<String, Boolean> flags = otherFlags(context.getBinder());
		if (flags.isEmpty()) {
			return bound;
		}
		StoredElements elements = properties.storedElements();
		HistoryElement history = (elements.history() != null) ? elements.history()
				: StoredElementDefaults.of(HistoryElement.class);
		return properties.withStoredElements(new StoredElements(elements.user(), elements.session(),
				history.withOtherFields(flags), elements.createdAt(), elements.updatedAt()));
	}

	private static Map<String, Boolean> otherFlags(Binder binder) {
		if (binder.bind(HISTORY, Bindable.of(String.class)).isBound()) {
			return Map.of();
		}
		Map<String, Object> history = binder.bind(HISTORY, Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of());
		Map<String, Boolean> flags = new LinkedHashMap<>();
		history.forEach((field, value) -> {
			if (!COMPONENTS.contains(field)) {
				flags.put(field, flag(field, value));
			}
		});
		return flags;
	}

	private static boolean flag(String field, Object value) {
		String text = String.valueOf(value).trim();
		if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
			return Boolean.parseBoolean(text);
		}
		throw new RedisDbConfigurationException("jovo.redis.stored-elements.history." + field,
				"is '" + text + "', not a flag", "set a history field flag to true or false");
	}

}

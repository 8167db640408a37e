package dev.redisdb.autoconfigure;

import java.util.Set;

import dev.redisdb.autoconfigure.RedisDbProperties.HistoryElement;
import dev.redisdb.autoconfigure.RedisDbProperties.SessionElement;
import dev.redisdb.autoconfigure.RedisDbProperties.Toggle;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds the short form Jovo users write, {@code session: true} or {@code history: false}, to a stored element with
 * its defaults; YAML hands over a {@link Boolean}, properties files a {@link String}. The object form binds without
 * it.
 */
final class StoredElementConverter implements GenericConverter {

	@Override
	public Set<ConvertiblePair> getConvertibleTypes() {
		return Set.of(new ConvertiblePair(String.class, Toggle.class),
				new ConvertiblePair(String.class, SessionElement.class),
				new ConvertiblePair(String.class, HistoryElement.class), new ConvertiblePair(Boolean.class, Toggle.class),
				new ConvertiblePair(Boolean.class, SessionElement.class),
				new ConvertiblePair(Boolean.class, HistoryElement.class));
	}

	@Override
	public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
		boolean enabled = (source instanceof Boolean flag) ? flag : parse((String) source, targetType.getType());
		Class<?> type = targetType.getType();
		if (type == SessionElement.class) {
			SessionElement defaults = StoredElementDefaults.of(SessionElement.class);
			return new SessionElement(enabled, defaults.expiresAfterSeconds());
		}
		if (type == HistoryElement.class) {
			HistoryElement defaults = StoredElementDefaults.of(HistoryElement.class);
			return new HistoryElement(enabled, defaults.size(), defaults.output(), defaults.nlu(), defaults.asr(),
					defaults.state(), defaults.request(), defaults.response(), defaults.otherFields());
		}
		return new Toggle(enabled);
	}

	private static boolean parse(String value, Class<?> type) {
		String trimmed = value.trim();
		if ("true".equalsIgnoreCase(trimmed)) {
			return true;
		}
		if ("false".equalsIgnoreCase(trimmed)) {
			return false;
		}
		throw new IllegalArgumentException("a jovo.redis.stored-elements element must be true, false or an object, not '"
				+ trimmed + "' (" + type.getSimpleName() + ")");
	}

}

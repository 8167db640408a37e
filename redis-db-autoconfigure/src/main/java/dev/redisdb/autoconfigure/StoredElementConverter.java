package dev.redisdb.autoconfigure;

import java.util.Map;
import java.util.Set;

import dev.redisdb.RedisDbProperties.HistoryElement;
import dev.redisdb.RedisDbProperties.SessionElement;
import dev.redisdb.RedisDbProperties.Toggle;

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
		if (source == null) {
			return null;
		}
		boolean enabled = (source instanceof Boolean flag) ? flag : parse((String) source, targetType.getType());
		Class<?> type = targetType.getType();
		if (type == SessionElement.class) {
			return new SessionElement(enabled, 900);
		}
		if (type == HistoryElement.class) {
			return new HistoryElement(enabled, 3, Map.of());
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

package dev.redisdb;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.util.Assert;

/**
 * User or session data as the app works with it in a turn: a mutable map of JSON values (maps, lists, strings,
 * numbers, booleans, null) in stored order, with typed access. Numbers come back from JSON as the smallest fitting
 * type ({@code Integer}, {@code Long}, {@code Double}...), so read them through {@link #get(String, Class)} rather
 * than by casting:
 *
 * <pre>{@code
 * int visits = user.data().get("visits", Integer.class, 0);
 * Profile profile = user.data().as(Profile.class);   // a record or POJO of the app's
 * user.data().putProperties(profile);                 // and back
 * }</pre>
 *
 * Not thread-safe: it belongs to one turn.
 *
 * @since 0.2.0
 */
public final class DataMap extends AbstractMap<String, @Nullable Object> {

	private final Map<String, @Nullable Object> values;

	DataMap(@Nullable Map<String, @Nullable Object> values) {
		this.values = (values != null) ? new LinkedHashMap<>(values) : new LinkedHashMap<>();
	}

	/**
	 * Reads one value as the given type, converting as JSON would (a stored {@code 3} reads as {@code Long} or
	 * {@code Integer}, a stored object as a record).
	 * @param <T> the type
	 * @param key the key
	 * @param type the type to read as
	 * @return the value, or null when the key is absent or its value is null
	 * @throws IllegalArgumentException when the value cannot be read as that type
	 */
	public <T> @Nullable T get(String key, Class<T> type) {
		Assert.notNull(type, "type must not be null");
		Object value = this.values.get(key);
		if (value == null) {
			return null;
		}
		if (type.isInstance(value)) {
			return type.cast(value);
		}
		return convert(value, type, "value of '" + key + "'");
	}

	/**
	 * Reads one value as the given type, or a default where there is none.
	 * @param <T> the type
	 * @param key the key
	 * @param type the type to read as
	 * @param defaultValue returned when the key is absent or its value is null
	 * @return the value or the default
	 * @throws IllegalArgumentException when the value cannot be read as that type
	 */
	public <T> T get(String key, Class<T> type, T defaultValue) {
		T value = get(key, type);
		return (value != null) ? value : defaultValue;
	}

	/**
	 * Reads all of this data as one object of the app's, by its properties' names.
	 * @param <T> the type
	 * @param type a record or bean class; properties without a value stay at their defaults, unknown keys are
	 * ignored
	 * @return the object
	 * @throws IllegalArgumentException when the data cannot be read as that type
	 */
	public <T> T as(Class<T> type) {
		Assert.notNull(type, "type must not be null");
		return convert(this.values, type, "data");
	}

	/**
	 * Writes the properties of an object of the app's into this data, as JSON would: each property replaces the
	 * value of the same key; other keys stay.
	 * @param value a record or bean
	 * @throws IllegalArgumentException when the object cannot be written as a JSON object
	 */
	public void putProperties(Object value) {
		Assert.notNull(value, "value must not be null");
		this.values.putAll(JsonValueCodec.INSTANCE.toMap(value));
	}

	@Override
	public @Nullable Object put(String key, @Nullable Object value) {
		Assert.notNull(key, "key must not be null");
		return this.values.put(key, value);
	}

	@Override
	public @Nullable Object get(Object key) {
		return this.values.get(key);
	}

	@Override
	public boolean containsKey(Object key) {
		return this.values.containsKey(key);
	}

	@Override
	public @Nullable Object remove(Object key) {
		return this.values.remove(key);
	}

	@Override
	public void clear() {
		this.values.clear();
	}

	@Override
	public int size() {
		return this.values.size();
	}

	@Override
	public Set<Entry<String, @Nullable Object>> entrySet() {
		return this.values.entrySet();
	}

	private static <T> T convert(Object value, Class<T> type, String what) {
		try {
			return JsonValueCodec.INSTANCE.convert(value, type);
		}
		catch (JacksonException ex) {
			// Jackson's message may quote the value, which may be personal data: name only where it failed.
			throw new IllegalArgumentException("Cannot read the " + what + " as " + type.getSimpleName()
					+ " (at '" + JsonValueCodec.path(ex) + "')");
		}
	}

}

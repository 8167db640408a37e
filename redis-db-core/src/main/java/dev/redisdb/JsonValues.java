package dev.redisdb;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Checks that what the app put into a user's data is JSON: {@code null}, strings, booleans, finite numbers, lists and
 * maps with string keys, nested at most {@value #MAX_DEPTH} levels and without cycles. Anything else (a
 * {@code Thread}, a plain {@code Object}, NaN, a map that contains itself) would be stored as something no reader
 * expects, or fail inside Jackson with a message of kilobytes; here it fails first, naming where it is.
 */
final class JsonValues {

	static final int MAX_DEPTH = 500;

	private static final int MAX_PATH_SHOWN = 120;

	private static final String ACCEPTED = "JSON values are null, strings, booleans, finite numbers, lists and maps "
			+ "with string keys";

	private JsonValues() {
	}

	/**
	 * @param value a value of the user's data
	 * @param path where it is, such as {@code user.data}
	 * @throws IllegalArgumentException naming the path and the type of the first value that is not JSON
	 */
	static void check(@Nullable Object value, String path) {
		if (!isPlainValue(value)) {
			check(value, new Path(null, path, -1), 0, new ArrayList<>());
		}
	}

	/** @return whether the value is JSON with nothing inside it: such values are the most, and need no path */
	private static boolean isPlainValue(@Nullable Object value) {
		return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
				|| value instanceof Long || ((value instanceof Double number) && Double.isFinite(number));
	}

	/** @param enclosing the lists and maps that contain the value, outermost first */
	private static void check(@Nullable Object value, Path path, int depth, List<Object> enclosing) {
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
				|| value instanceof Long || value instanceof Short || value instanceof Byte) {
			return;
		}
		if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (!Double.isFinite(number)) {
				throw notJson(path, "is " + number + ", which JSON cannot hold");
			}
			return;
		}
		if (value instanceof BigInteger || value instanceof BigDecimal) {
			if (!Double.isFinite(((Number) value).doubleValue())) {
				throw notJson(path, "is a number beyond the range of a JSON number, which reads it as Infinity");
			}
			return;
		}
		if (depth >= MAX_DEPTH) {
			throw notJson(path, "is nested deeper than " + MAX_DEPTH + " levels");
		}
		if (value instanceof Map<?, ?> map) {
			enter(value, path, enclosing);
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!(entry.getKey() instanceof String key)) {
					throw notJson(path, "has a key of type " + typeOf(entry.getKey()) + ", not a string");
				}
				if (!isPlainValue(entry.getValue())) {
					check(entry.getValue(), new Path(path, key, -1), depth + 1, enclosing);
				}
			}
			enclosing.remove(enclosing.size() - 1);
			return;
		}
		if (value instanceof List<?> list) {
			enter(value, path, enclosing);
			for (int i = 0; i < list.size(); i++) {
				if (!isPlainValue(list.get(i))) {
					check(list.get(i), new Path(path, null, i), depth + 1, enclosing);
				}
			}
			enclosing.remove(enclosing.size() - 1);
			return;
		}
		throw notJson(path, "is a " + typeOf(value) + ", not a JSON value");
	}

	/** Compared by identity: two equal maps are two values, one map inside itself is a cycle. */
	private static void enter(Object container, Path path, List<Object> enclosing) {
		for (Object outer : enclosing) {
			if (outer == container) {
				throw notJson(path, "contains itself");
			}
		}
		enclosing.add(container);
	}

	private static String typeOf(@Nullable Object value) {
		return (value != null) ? value.getClass().getName() : "null";
	}

	private static IllegalArgumentException notJson(Path where, String problem) {
		String path = where.toString();
		String shown = (path.length() > MAX_PATH_SHOWN) ? path.substring(0, MAX_PATH_SHOWN) + "..." : path;
		return new IllegalArgumentException("Cannot save user: " + shown + " " + problem + " (" + ACCEPTED
				+ "); nothing was written");
	}

	/**
	 * Where a value is, written out only for a message: {@code user.data.tags[2]}.
	 *
	 * @param parent the enclosing value's path, null at the top
	 * @param key the value's key in its map, or at the top the path's start; null in a list
	 * @param index the value's index in its list, or -1
	 */
	private record Path(@Nullable Path parent, @Nullable String key, int index) {

		@Override
		public String toString() {
			String start = (this.parent != null) ? this.parent.toString() : "";
			if (this.key == null) {
				return start + "[" + this.index + "]";
			}
			return (this.parent != null) ? start + "." + this.key : this.key;
		}

	}

}

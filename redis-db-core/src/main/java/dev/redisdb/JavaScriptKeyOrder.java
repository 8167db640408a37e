package dev.redisdb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which JavaScript lists an object's keys, and so {@code JSON.stringify} writes them: array indexes
 * ({@code "0"} to {@code "4294967294"}, written without leading zeros) first, ascending, then all other keys in the
 * order they were added. {@code {"b":1,"10":2,"2":3}} is written {@code {"2":3,"10":2,"b":1}}.
 */
final class JavaScriptKeyOrder {

	private static final long MAX_ARRAY_INDEX = 4294967294L;

	private JavaScriptKeyOrder() {
	}

	/**
	 * @param map a map to be written as a JSON object
	 * @return the map itself when its keys are already in JavaScript's order, as almost always (no array index, or
	 * data read from JSON that JavaScript wrote), otherwise a copy in that order
	 */
	static Map<?, ?> inJavaScriptOrder(Map<?, ?> map) {
		long previousIndex = -1;
		boolean otherKeySeen = false;
		for (Object key : map.keySet()) {
			if (key instanceof String text && !text.isEmpty() && text.charAt(0) > '9') {
				otherKeySeen = true;
				continue;
			}
			long index = arrayIndex(key);
			if (index < 0) {
				otherKeySeen = true;
			}
			else if (otherKeySeen || index < previousIndex) {
				return reordered(map);
			}
			else {
				previousIndex = index;
			}
		}
		return map;
	}

	/**
	 * @param key a map key; keys other than strings count by the text Jackson writes for them
	 * @return its value when it is an array index, otherwise -1
	 */
	static long arrayIndex(Object key) {
		if (key instanceof String text) {
			return arrayIndex(text);
		}
		if (key instanceof Number || key instanceof Character) {
			return arrayIndex(key.toString());
		}
		return -1;
	}

	private static long arrayIndex(String key) {
		int length = key.length();
		if (length == 0 || length > 10 || (key.charAt(0) == '0' && length > 1)) {
			return -1;
		}
		long value = 0;
		for (int i = 0; i < length; i++) {
			char c = key.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return (value <= MAX_ARRAY_INDEX) ? value : -1;
	}

	private static Map<?, ?> reordered(Map<?, ?> map) {
		List<Map.Entry<?, ?>> indexed = new ArrayList<>();
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (arrayIndex(entry.getKey()) >= 0) {
				indexed.add(entry);
			}
		}
		indexed.sort(Comparator.comparingLong((entry) -> arrayIndex(entry.getKey())));
		Map<Object, Object> ordered = new LinkedHashMap<>((int) (map.size() / 0.75f) + 1);
		for (Map.Entry<?, ?> entry : indexed) {
			ordered.put(entry.getKey(), entry.getValue());
		}
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (arrayIndex(entry.getKey()) < 0) {
				ordered.put(entry.getKey(), entry.getValue());
			}
		}
		return ordered;
	}

}

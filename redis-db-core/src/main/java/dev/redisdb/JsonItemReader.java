package dev.redisdb;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import dev.redisdb.DbItem.HistoryPart;
import dev.redisdb.DbItem.SessionPart;
import dev.redisdb.DbItem.UserPart;

/**
 * Reads a {@link DbItem} token by token when the value has the shape this library and Jovo write: each element an
 * object of the fields Jovo gives it, of their types, timestamps as {@code toISOString()} or ISO-8601 writes them.
 * The result equals what Jackson's data binding reads, in the same Java types (maps as {@link LinkedHashMap}, lists
 * as {@link ArrayList}, integers as the smallest of {@link Integer}, {@link Long} and
 * {@link java.math.BigInteger}), without a bean deserializer and a record creator per element. Anything else (a
 * field of another type, an unknown field inside an element, a repeated element, JSON that is not valid) is left to
 * the data binding, which reads it or names what is wrong.
 */
final class JsonItemReader {

	private JsonItemReader() {
	}

	/**
	 * @param parser a parser on the value, before its first token
	 * @return the item, or null when the value is not of the usual shape and the data binding must read it
	 */
	static @Nullable DbItem read(JsonParser parser) {
		try {
			return readItem(parser);
		}
		catch (UnusualShape | JacksonException ex) {
			return null;
		}
	}

	private static DbItem readItem(JsonParser parser) {
		expect(parser.nextToken() == JsonToken.START_OBJECT);
		DbItem item = new DbItem();
		int elementsSeen = 0;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken token = parser.nextToken();
			int element = switch (name) {
				case "user" -> 1;
				case "session" -> 2;
				case "history" -> 4;
				case "createdAt" -> 8;
				case "updatedAt" -> 16;
				default -> 0;
			};
			expect((elementsSeen & element) == 0);
			elementsSeen |= element;
			switch (element) {
				case 1 -> item.setUser(readUser(parser, token));
				case 2 -> item.setSession(readSession(parser, token));
				case 4 -> item.setHistory(readHistory(parser, token));
				case 8 -> item.setCreatedAt(readTimestamp(parser, token));
				case 16 -> item.setUpdatedAt(readTimestamp(parser, token));
				default -> item.putOtherField(name, readValue(parser, token));
			}
		}
		expect(parser.nextToken() == null);
		return item;
	}

	private static @Nullable UserPart readUser(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		expect(token == JsonToken.START_OBJECT);
		Map<String, Object> data = null;
		boolean dataSeen = false;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			expect(name.equals("data") && !dataSeen);
			dataSeen = true;
			data = readObjectOrNull(parser, parser.nextToken());
		}
		return new UserPart(data);
	}

	private static @Nullable SessionPart readSession(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		expect(token == JsonToken.START_OBJECT);
		String id = null;
		Map<String, Object> data = null;
		List<Object> state = null;
		Instant createdAt = null;
		Instant updatedAt = null;
		int fieldsSeen = 0;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken value = parser.nextToken();
			int field = switch (name) {
				case "id" -> 1;
				case "data" -> 2;
				case "state" -> 4;
				case "createdAt" -> 8;
				case "updatedAt" -> 16;
				default -> throw UnusualShape.INSTANCE;
			};
			expect((fieldsSeen & field) == 0);
			fieldsSeen |= field;
			switch (field) {
				case 1 -> id = readStringOrNull(parser, value);
				case 2 -> data = readObjectOrNull(parser, value);
				case 4 -> state = readArrayOrNull(parser, value);
				case 8 -> createdAt = readTimestamp(parser, value);
				default -> updatedAt = readTimestamp(parser, value);
			}
		}
		return new SessionPart(id, data, state, createdAt, updatedAt);
	}

	private static @Nullable HistoryPart readHistory(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		expect(token == JsonToken.START_OBJECT);
		List<Map<String, Object>> items = null;
		boolean itemsSeen = false;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			expect(name.equals("items") && !itemsSeen);
			itemsSeen = true;
			JsonToken value = parser.nextToken();
			if (value != JsonToken.VALUE_NULL) {
				expect(value == JsonToken.START_ARRAY);
				items = new ArrayList<>();
				for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY;
						element = parser.nextToken()) {
					items.add(readObjectOrNull(parser, element));
				}
			}
		}
		return new HistoryPart(items);
	}

	private static @Nullable Instant readTimestamp(JsonParser parser, JsonToken token) {
		String text = readStringOrNull(parser, token);
		try {
			return (text != null) ? JovoTimestamps.parse(text) : null;
		}
		catch (DateTimeException ex) {
			throw UnusualShape.INSTANCE;
		}
	}

	private static @Nullable String readStringOrNull(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		expect(token == JsonToken.VALUE_STRING);
		return parser.getString();
	}

	private static @Nullable Map<String, Object> readObjectOrNull(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		expect(token == JsonToken.START_OBJECT);
		return readObject(parser);
	}

	private static @Nullable List<Object> readArrayOrNull(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		expect(token == JsonToken.START_ARRAY);
		return readArray(parser);
	}

	/** Called on {@code START_OBJECT}; returns after its {@code END_OBJECT}. */
	private static Map<String, Object> readObject(JsonParser parser) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			map.put(name, readValue(parser, parser.nextToken()));
		}
		return map;
	}

	/** Called on {@code START_ARRAY}; returns after its {@code END_ARRAY}. */
	private static List<Object> readArray(JsonParser parser) {
		List<Object> list = new ArrayList<>();
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
			list.add(readValue(parser, token));
		}
		return list;
	}

	/** As Jackson's untyped deserializer with default features reads a value. */
	private static @Nullable Object readValue(JsonParser parser, JsonToken token) {
		return switch (token) {
			case START_OBJECT -> readObject(parser);
			case START_ARRAY -> readArray(parser);
			case VALUE_STRING -> parser.getString();
			case VALUE_NUMBER_INT -> parser.getNumberValue();
			case VALUE_NUMBER_FLOAT -> switch (parser.getNumberTypeFP()) {
				case BIG_DECIMAL -> parser.getDecimalValue();
				case FLOAT32 -> parser.getFloatValue();
				default -> parser.getDoubleValue();
			};
			case VALUE_TRUE -> Boolean.TRUE;
			case VALUE_FALSE -> Boolean.FALSE;
			case VALUE_NULL -> null;
			default -> throw UnusualShape.INSTANCE;
		};
	}

	private static void expect(boolean usual) {
		if (!usual) {
			throw UnusualShape.INSTANCE;
		}
	}

	/** Thrown, without a stack trace, where the value leaves the usual shape. */
	private static final class UnusualShape extends RuntimeException {

		static final UnusualShape INSTANCE = new UnusualShape();

		private UnusualShape() {
			super(null, null, false, false);
		}

	}

}

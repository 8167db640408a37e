package dev.redisdb;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

import dev.redisdb.DbItem.HistoryPart;
import dev.redisdb.DbItem.SessionPart;

/**
 * Writes a {@link DbItem} token by token: the bytes Jackson's data binding writes for it with the codec's modules,
 * without looking up a serializer for every map, list and number.
 * JSON's own types are written here; anything else in the data (a record, a {@code float[]}) goes to the generator's
 * data binding, as before.
 */
final class JsonItemWriter {

	private JsonItemWriter() {
	}

	static void write(JsonGenerator generator, DbItem item) {
		generator.writeStartObject();
		if (item.getUser() != null) {
			generator.writeName("user");
			generator.writeStartObject();
			generator.writeName("data");
			writeValue(generator, item.getUser().data());
			generator.writeEndObject();
		}
		if (item.getSession() != null) {
			generator.writeName("session");
			writeSession(generator, item.getSession());
		}
		if (item.getHistory() != null) {
			HistoryPart history = item.getHistory();
			generator.writeName("history");
			generator.writeStartObject();
			generator.writeName("items");
			writeValue(generator, history.items());
			generator.writeEndObject();
		}
		if (item.getCreatedAt() != null) {
			generator.writeStringProperty("createdAt", JovoTimestamps.format(item.getCreatedAt()));
		}
		if (item.getUpdatedAt() != null) {
			generator.writeStringProperty("updatedAt", JovoTimestamps.format(item.getUpdatedAt()));
		}
		for (Map.Entry<String, Object> field : item.otherFields().entrySet()) {
			generator.writeName(field.getKey());
			writeValue(generator, field.getValue());
		}
		generator.writeEndObject();
	}

	/** Without the fields that are null, as {@link SessionPart}'s {@code @JsonInclude} says. */
	private static void writeSession(JsonGenerator generator, SessionPart session) {
		generator.writeStartObject();
		if (session.id() != null) {
			generator.writeStringProperty("id", session.id());
		}
		if (session.data() != null) {
			generator.writeName("data");
			writeValue(generator, session.data());
		}
		if (session.state() != null) {
			generator.writeName("state");
			writeValue(generator, session.state());
		}
		if (session.createdAt() != null) {
			generator.writeStringProperty("createdAt", JovoTimestamps.format(session.createdAt()));
		}
		if (session.updatedAt() != null) {
			generator.writeStringProperty("updatedAt", JovoTimestamps.format(session.updatedAt()));
		}
		generator.writeEndObject();
	}

	private static void writeValue(JsonGenerator generator, @Nullable Object value) {
		if (value == null) {
			generator.writeNull();
		}
		else if (value instanceof String text) {
			writeString(generator, text);
		}
		else if (value instanceof Integer number) {
			generator.writeNumber(number);
		}
		else if (value instanceof Boolean bool) {
			generator.writeBoolean(bool);
		}
		else if (value instanceof Long number) {
			generator.writeNumber(number);
		}
		else if (value instanceof Double number) {
			JavaScriptJsonModule.writeDouble(number, generator);
		}
		else if (value instanceof Map<?, ?> map && hasOnlyStringKeys(map)) {
			writeMap(generator, JavaScriptKeyOrder.inJavaScriptOrder(map));
		}
		else if (value instanceof List<?> list) {
			generator.writeStartArray(list, list.size());
			for (Object element : list) {
				writeValue(generator, element);
			}
			generator.writeEndArray();
		}
		else {
			generator.writePOJO(value);
		}
	}

	/**
	 * Most strings are ASCII without a character to escape: their UTF-8 bytes, which the JDK makes in one copy, are
	 * written as they are. Any other string is escaped by the generator. One byte per character and no {@code ?}
	 * means that no character was outside ASCII: UTF-8 would have taken more bytes for it, or written an unpaired
	 * surrogate as {@code ?}.
	 */
	private static void writeString(JsonGenerator generator, String text) {
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		if (utf8.length != text.length()) {
			generator.writeString(text);
			return;
		}
		for (byte b : utf8) {
			if (b < ' ' || b == '"' || b == '\\' || b == '?') {
				generator.writeString(text);
				return;
			}
		}
		generator.writeRawUTF8String(utf8, 0, utf8.length);
	}

	private static void writeMap(JsonGenerator generator, Map<?, ?> map) {
		generator.writeStartObject(map, map.size());
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			generator.writeName((String) entry.getKey());
			writeValue(generator, entry.getValue());
		}
		generator.writeEndObject();
	}

	private static boolean hasOnlyStringKeys(Map<?, ?> map) {
		for (Object key : map.keySet()) {
			if (!(key instanceof String)) {
				return false;
			}
		}
		return true;
	}

}

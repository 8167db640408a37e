package dev.redisdb;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Jovo's JSON with Jackson: {@link ValueCodec#json()}.
 */
final class JsonValueCodec implements ValueCodec {

	static final JsonValueCodec INSTANCE = new JsonValueCodec();

	/**
	 * Jackson's buffers recycled per thread (Jackson's thread-local pool), not through its default pool, a deque that
	 * all request threads contend for.
	 */
	private final JsonMapper mapper = JsonMapper
		.builder(JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build())
		.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
		.addModule(new JavaScriptJsonModule())
		.addModule(new SimpleModule("jovo-timestamps").addSerializer(Instant.class, new TimestampSerializer())
			.addDeserializer(Instant.class, new TimestampDeserializer()))
		.build();

	/** With its root serializer resolved once, not looked up on every call. */
	private final ObjectWriter writer = this.mapper.writerFor(DbItem.class);

	/** With its root deserializer resolved once, not looked up on every call. */
	private final ObjectReader reader = this.mapper.readerFor(DbItem.class);

	@Override
	public byte[] encode(EntryKey entry, DbItem item) {
		return this.writer.writeValueAsBytes(item);
	}

	@Override
	public DbItem decode(EntryKey entry, byte[] value) {
		if (!startsWithBrace(value)) {
			throw new IllegalArgumentException("the value is not a JSON object");
		}
		try {
			return this.reader.readValue(value);
		}
		catch (DatabindException ex) {
			// Jackson's own message may quote the value: name only where the problem is.
			throw new IllegalArgumentException("field '" + path(ex) + "' has the wrong type or format", ex.getCause());
		}
		catch (StreamConstraintsException ex) {
			// Jackson's limits on nesting and sizes; its message names the limit, never the value.
			throw new IllegalArgumentException("the value exceeds what the codec reads: " + ex.getOriginalMessage());
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			throw new IllegalArgumentException("the value is not valid JSON" + ((location != null)
					? " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : ""));
		}
	}

	/** @return the value converted to {@code type} as JSON would carry it, for typed access to data */
	<T> T convert(Object value, Class<T> type) {
		return this.mapper.convertValue(value, type);
	}

	/** @return the properties of a record or bean as a map of JSON values */
	Map<String, @Nullable Object> toMap(Object value) {
		return this.mapper.convertValue(value, new TypeReference<Map<String, @Nullable Object>>() {
		});
	}

	private static boolean startsWithBrace(byte[] value) {
		for (byte b : value) {
			if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
				return b == '{';
			}
		}
		return false;
	}

	/** @return where in the JSON a Jackson failure is, as {@code user.data.tags[2]}, never what was found there */
	static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "(top level)" : path.toString();
	}


	private static final class TimestampSerializer extends ValueSerializer<Instant> {

		@Override
		public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(JovoTimestamps.format(value));
		}

	}

	private static final class TimestampDeserializer extends ValueDeserializer<Instant> {

		@Override
		public Instant deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() != JsonToken.VALUE_STRING) {
				return (Instant) context.handleUnexpectedToken(Instant.class, parser);
			}
			try {
				return JovoTimestamps.parse(parser.getString());
			}
			catch (DateTimeException ex) {
				throw DatabindException.from(parser, "not an ISO-8601 timestamp");
			}
		}

	}

}

package dev.redisdb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

final class JsonValueCodec implements ValueCodec {

	static final JsonValueCodec INSTANCE = new JsonValueCodec();

	/** JavaScript's {@code Date.toISOString()}: always three fraction digits and {@code Z}. */
	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final JsonMapper mapper = JsonMapper.builder()
		.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.addModule(new SimpleModule("jovo-timestamps").addSerializer(Instant.class, new TimestampSerializer())
			.addDeserializer(Instant.class, new TimestampDeserializer()))
		.build();

	@Override
	public String encode(String entryId, DbItem item) {
		return this.mapper.writeValueAsString(item);
	}

	@Override
	public DbItem decode(String entryId, String value) {
		try {
			if (!value.stripLeading().startsWith("{")) {
				throw new IllegalArgumentException("the value is not a JSON object");
			}
			return this.mapper.readValue(value, DbItem.class);
		}
		catch (DatabindException ex) {
			// Jackson's own message may quote the value: name only where the problem is.
			throw new IllegalArgumentException("field '" + path(ex) + "' has the wrong type or format", ex.getCause());
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("the value is not valid JSON (at line " + ex.getLocation().getLineNr()
					+ ", column " + ex.getLocation().getColumnNr() + ")");
		}
	}

	private static String path(DatabindException ex) {
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

	static String format(Instant instant) {
		return ISO_MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
	}

	private static final class TimestampSerializer extends ValueSerializer<Instant> {

		@Override
		public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(format(value));
		}

	}

	private static final class TimestampDeserializer extends ValueDeserializer<Instant> {

		@Override
		public Instant deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() != JsonToken.VALUE_STRING) {
				return (Instant) context.handleUnexpectedToken(Instant.class, parser);
			}
			try {
				return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(parser.getString(), Instant::from);
			}
			catch (DateTimeParseException ex) {
				throw DatabindException.from(parser, "not an ISO-8601 timestamp");
			}
		}

	}

}

package dev.redisdb;

import java.math.BigDecimal;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.ValueSerializerModifier;
import tools.jackson.databind.ser.std.StdDelegatingSerializer;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.type.MapType;
import tools.jackson.databind.util.StdConverter;

/**
 * Makes Jackson write what JavaScript's {@code JSON.stringify} writes for the same values, byte for byte: numbers
 * by {@link JavaScriptNumbers}, map keys in {@link JavaScriptKeyOrder}. Strings need no serializer of their own:
 * Jackson's UTF-8 generator escapes control characters and an unpaired surrogate (which UTF-8 cannot encode) as
 * {@code \}{@code u} escapes, lowercase with {@code JsonWriteFeature.WRITE_HEX_UPPER_CASE} disabled, as JavaScript
 * writes them, and keeps emoji as UTF-8 with {@code COMBINE_UNICODE_SURROGATES_IN_UTF8} (Jackson 3's default).
 * Integers keep Jackson's own serializers: it writes them exactly, as JavaScript does up to 2^53, and beyond that
 * the exact value is the one worth keeping.
 */
final class JavaScriptJsonModule extends SimpleModule {

	JavaScriptJsonModule() {
		super("javascript-json");
		addSerializer(Double.class, new DoubleSerializer());
		addSerializer(double.class, new DoubleSerializer());
		addSerializer(Float.class, new FloatSerializer());
		addSerializer(float.class, new FloatSerializer());
		addSerializer(BigDecimal.class, new BigDecimalSerializer());
		addSerializer(double[].class, new DoubleArraySerializer());
		addSerializer(float[].class, new FloatArraySerializer());
		setSerializerModifier(new KeyOrderModifier());
	}

	private static void writeDouble(double value, JsonGenerator generator) {
		if (JavaScriptNumbers.isSafeInteger(value)) {
			generator.writeNumber((long) value);
		}
		else {
			generator.writeNumber(JavaScriptNumbers.toString(value));
		}
	}

	private static final class DoubleSerializer extends StdSerializer<Double> {

		DoubleSerializer() {
			super(Double.class);
		}

		@Override
		public void serialize(Double value, JsonGenerator generator, SerializationContext context) {
			writeDouble(value, generator);
		}

	}

	private static final class FloatSerializer extends StdSerializer<Float> {

		FloatSerializer() {
			super(Float.class);
		}

		@Override
		public void serialize(Float value, JsonGenerator generator, SerializationContext context) {
			generator.writeNumber(JavaScriptNumbers.toString(value.floatValue()));
		}

	}

	private static final class BigDecimalSerializer extends StdSerializer<BigDecimal> {

		BigDecimalSerializer() {
			super(BigDecimal.class);
		}

		@Override
		public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
			generator.writeNumber(JavaScriptNumbers.toString(value));
		}

	}

	private static final class DoubleArraySerializer extends StdSerializer<double[]> {

		DoubleArraySerializer() {
			super(double[].class);
		}

		@Override
		public void serialize(double[] values, JsonGenerator generator, SerializationContext context) {
			generator.writeStartArray(values, values.length);
			for (double value : values) {
				writeDouble(value, generator);
			}
			generator.writeEndArray();
		}

	}

	private static final class FloatArraySerializer extends StdSerializer<float[]> {

		FloatArraySerializer() {
			super(float[].class);
		}

		@Override
		public void serialize(float[] values, JsonGenerator generator, SerializationContext context) {
			generator.writeStartArray(values, values.length);
			for (float value : values) {
				generator.writeNumber(JavaScriptNumbers.toString(value));
			}
			generator.writeEndArray();
		}

	}

	private static final class KeyOrderModifier extends ValueSerializerModifier {

		private static final InJavaScriptOrder IN_JAVASCRIPT_ORDER = new InJavaScriptOrder();

		@Override
		public ValueSerializer<?> modifyMapSerializer(SerializationConfig config, MapType valueType,
				BeanDescription.Supplier beanDescription, ValueSerializer<?> serializer) {
			return new StdDelegatingSerializer(IN_JAVASCRIPT_ORDER, valueType, serializer, null);
		}

	}

	private static final class InJavaScriptOrder extends StdConverter<Object, Object> {

		@Override
		public Object convert(Object map) {
			return JavaScriptKeyOrder.inJavaScriptOrder((Map<?, ?>) map);
		}

	}

}

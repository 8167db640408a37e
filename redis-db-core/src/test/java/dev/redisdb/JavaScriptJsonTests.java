package dev.redisdb;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.redisdb.DbItem.HistoryPart;
import dev.redisdb.DbItem.SessionPart;
import dev.redisdb.DbItem.UserPart;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The default codec writes what Jovo writes with {@code JSON.stringify} for the same data, byte for byte. Expected
 * texts are Node.js's output.
 */
class JavaScriptJsonTests {

	private static final String PREFIX = "{\"user\":{\"data\":";

	private static final String SUFFIX = "}}";

	private static final EntryKey KEY = new EntryKey("data", "data:U");

	private final ValueCodec codec = ValueCodec.json();

	@Test
	void writesNumbersAsJavaScriptDoes() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("doubles", List.of(1.5E300, 1.0E21, 1.0E-4, 1.0, 100.0, -0.0, 1e-7, 1.2345678901234568E20, 0.1 + 0.2,
				Double.MIN_VALUE, Double.MAX_VALUE));
		data.put("integers", List.of(3, (1L << 53) + 1, new BigInteger("123456789012345678901234567890"),
				(short) -7, (byte) 8));
		data.put("others", List.of(0.1f, new BigDecimal("2.50"), new BigDecimal("1E+2")));
		data.put("arrays", List.of(new double[] { 1.0, 1.0E-4 }, new float[] { 0.5f, 2f }));
		assertThat(writtenData(data)).isEqualTo("{\"doubles\":[1.5e+300,1e+21,0.0001,1,100,0,1e-7,"
				+ "123456789012345680000,0.30000000000000004,5e-324,1.7976931348623157e+308],"
				+ "\"integers\":[3,9007199254740993,123456789012345678901234567890,-7,8],"
				+ "\"others\":[0.1,2.5,100],\"arrays\":[[1,0.0001],[0.5,2]]}");
	}

	@Test
	void writesPrimitiveDoubleFieldsAsJavaScriptDoes() {
		assertThat(writtenData(Map.of("point", new Point(1.0, 1.0E-4f)))).isEqualTo("{\"point\":{\"x\":1,\"y\":0.0001}}");
	}

	@Test
	void escapesStringsAsJavaScriptDoes() {
		String text = "a\u001F\u0000\b\f\n\r\t\"\\/\u007F\u2028\u2029\uD800x\uDC00y\uD83D\uDE00z\u000B\uD800";
		String escaped = "\"a\\u001f\\u0000\\b\\f\\n\\r\\t\\\"\\\\/\u007F\u2028\u2029\\ud800x\\udc00y\uD83D\uDE00z"
				+ "\\u000b\\ud800\"";
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("value", text);
		data.put(text, "key");
		assertThat(writtenData(data)).isEqualTo("{\"value\":" + escaped + "," + escaped + ":\"key\"}");
	}

	@Test
	void writesArrayIndexKeysFirstAsJavaScriptDoes() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("b", 1);
		data.put("10", 2);
		data.put("2", 3);
		data.put("01", 4);
		data.put("-1", 5);
		data.put("a", 6);
		assertThat(writtenData(data)).isEqualTo("{\"2\":3,\"10\":2,\"b\":1,\"01\":4,\"-1\":5,\"a\":6}");
	}

	@Test
	void ordersNestedMapsSessionDataAndHistoryItemsToo() {
		Map<String, Object> inner = new LinkedHashMap<>();
		inner.put("z", 1);
		inner.put("0", 0);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("a", Map.of("list", List.of(inner)));
		data.put("5", 5);
		DbItem item = new DbItem();
		item.setUser(new UserPart(data));
		item.setSession(new SessionPart(null, inner, null, null, null));
		item.setHistory(new HistoryPart(List.of(inner)));
		assertThat(text(item)).isEqualTo("{\"user\":{\"data\":{\"5\":5,"
				+ "\"a\":{\"list\":[{\"0\":0,\"z\":1}]}}},\"session\":{\"data\":{\"0\":0,\"z\":1}},"
				+ "\"history\":{\"items\":[{\"0\":0,\"z\":1}]}}");
	}

	@Test
	void rejectsNumbersJsonCannotHoldInsteadOfStoringThem() {
		for (Object number : List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NaN)) {
			DbItem item = new DbItem();
			item.setUser(new UserPart(Map.of("score", number)));
			assertThatException().isThrownBy(() -> this.codec.encode(KEY, item))
				.withRootCauseInstanceOf(IllegalArgumentException.class)
				.havingRootCause()
				.withMessageEndingWith("is not a JSON number");
		}
	}

	@Test
	void readsBackWhatItWrites() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		Map<String, Object> data = new LinkedHashMap<>();
		List<Double> doubles = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			double value = Double.longBitsToDouble(random.nextLong());
			doubles.add(Double.isFinite(value) ? value : random.nextGaussian());
		}
		data.put("doubles", doubles);
		data.put("text", "\uD800 lone, \uD83D\uDE00 pair, \u001F control, \u2028 separator");
		data.put("7", Map.of("1", (1L << 53) + 1, "name", new BigInteger("123456789012345678901234567890")));
		DbItem item = new DbItem();
		item.setUser(new UserPart(data));
		item.setCreatedAt(Instant.parse("2026-11-25T18:49:26.878Z"));

		byte[] written = this.codec.encode(KEY, item);
		DbItem read = this.codec.decode(KEY, written);

		Map<String, Object> readData = read.getUser().data();
		assertThat(readData).containsOnlyKeys("doubles", "text", "7");
		List<?> readDoubles = (List<?>) readData.get("doubles");
		for (int i = 0; i < doubles.size(); i++) {
			assertThat(((Number) readDoubles.get(i)).doubleValue()).as("seed %d, index %d", seed, i)
				.isEqualTo(doubles.get(i) + 0.0);
		}
		assertThat(readData.get("text")).isEqualTo(data.get("text"));
		assertThat(readData.get("7")).isEqualTo(data.get("7"));
		assertThat(read.getCreatedAt()).isEqualTo(item.getCreatedAt());
		assertThat(this.codec.encode(KEY, read)).as("seed %d", seed).isEqualTo(written);
	}

	/**
	 * @return what both ways of encoding write for the user data, which must agree
	 */
	private String writtenData(Map<String, Object> data) {
		DbItem item = new DbItem();
		item.setUser(new UserPart(data));
		String text = text(item);
		assertThat(text).startsWith(PREFIX).endsWith(SUFFIX);
		return text.substring(PREFIX.length(), text.length() - SUFFIX.length());
	}

	private String text(DbItem item) {
		return new String(this.codec.encode(KEY, item), StandardCharsets.UTF_8);
	}

	record Point(double x, float y) {
	}

}

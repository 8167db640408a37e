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
import java.util.StringJoiner;

import dev.redisdb.DbItem.HistoryPart;
import dev.redisdb.DbItem.SessionPart;
import dev.redisdb.DbItem.UserPart;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.ObjectWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The codec writes and reads entries token by token; Jackson's data binding, configured as the codec configures it,
 * is the reference: for any item the bytes written, and for any value the item read (its Java types included), must
 * be the data binding's.
 */
class JsonStreamingTests {

	private static final EntryKey KEY = new EntryKey("data", "data:U");

	private static final String[] TEXTS = { "", "Ann", "a\"b\\c/d", "\u0000\u001f\b\f\n\r\t\u000b", "\u007f\u2028\u2029",
			"\uD800", "x\uDC00y", "\uD83D\uDE00", "Zoë 日本", "2026-11-25T18:49:26.878Z",
			"What's up? ~\u007f", "a?\uD800", "tab\tin ASCII", "quote \" in ASCII" };

	private static final String[] KEYS = { "a", "b", "visits", "0", "2", "10", "01", "-1", "4294967294", "4294967295",
			"", "é", "\uD83D\uDE00", "owner" };

	private final JsonValueCodec codec = JsonValueCodec.INSTANCE;

	private final ObjectWriter dataBindingWriter = this.codec.mapper().writerFor(DbItem.class);

	@Test
	void writesWhatTheDataBindingWritesForRandomItems() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		for (int i = 0; i < 2000; i++) {
			DbItem item = randomItem(random, true);
			assertThat(text(this.codec.encode(KEY, item))).as("seed %d, item %d", seed, i)
				.isEqualTo(text(this.dataBindingWriter.writeValueAsBytes(item)));
		}
	}

	@Test
	void writesAndReadsItemsLargerThanTheGeneratorsBufferAsTheDataBindingDoes() {
		Map<String, Object> data = new LinkedHashMap<>();
		for (int i = 0; i < 100; i++) {
			data.put("fact" + i, "Something the app remembered, number " + i + " ".repeat(1000) + "\u00e9\n");
		}
		DbItem item = new DbItem();
		item.setUser(new UserPart(data));
		byte[] written = this.codec.encode(KEY, item);
		assertThat(written.length).isGreaterThan(100_000);
		assertThat(text(written)).isEqualTo(text(this.dataBindingWriter.writeValueAsBytes(item)));
		assertThat(describe(readStreaming(written))).isEqualTo(describe(this.codec.decodeWithDataBinding(written)));
	}

	@Test
	void readsWhatTheDataBindingReadsForRandomItems() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		for (int i = 0; i < 2000; i++) {
			byte[] value = this.codec.encode(KEY, randomItem(random, false));
			DbItem streamed = readStreaming(value);
			assertThat(streamed).as("seed %d, item %d read token by token", seed, i).isNotNull();
			assertThat(describe(streamed)).as("seed %d, item %d", seed, i)
				.isEqualTo(describe(this.codec.decodeWithDataBinding(value)));
		}
	}

	@Test
	void leavesValuesOfAnUnusualShapeToTheDataBinding() {
		List<String> unusual = List.of("{\"user\":{\"data\":{},\"extra\":1}}", "{\"session\":{\"id\":5}}",
				"{\"session\":{\"data\":{},\"expired\":true}}", "{\"history\":{\"items\":[\"x\"]}}",
				"{\"user\":{\"data\":{\"a\":1}},\"user\":{\"data\":{\"b\":2}}}", "{\"createdAt\":12}",
				"{\"history\":{\"items\":[],\"size\":1}}", "{\"user\":{\"data\":{}}} {}", "{\"user\":[]}",
				"{\"session\":{\"state\":\"x\"}}");
		for (String value : unusual) {
			byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
			assertThat(readStreaming(bytes)).as(value).isNull();
			String expected;
			try {
				expected = describe(this.codec.decodeWithDataBinding(bytes));
			}
			catch (IllegalArgumentException ex) {
				assertThatIllegalArgumentException().as(value)
					.isThrownBy(() -> this.codec.decode(KEY, bytes))
					.withMessage(ex.getMessage());
				continue;
			}
			assertThat(describe(this.codec.decode(KEY, bytes))).as(value).isEqualTo(expected);
		}
	}

	@Test
	void readsValuesWithWhitespaceNullsAndOtherTimestampsTokenByToken() {
		String value = " {\n \"user\" : { \"data\" : null } , \"session\":{\"id\":null,\"data\":{},\"state\":[{\"a\":[]}],"
				+ "\"createdAt\":\"2026-01-01T10:00:00Z\",\"updatedAt\":\"2026-01-01T11:00:00.123456+01:00\"},"
				+ "\"history\":{\"items\":[null,{}]},\"createdAt\":null,\"x\":1.5e300,\"y\":123456789012345678901234567890,"
				+ "\"z\":-0.0,\"w\":1e400} ";
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		DbItem streamed = readStreaming(bytes);
		assertThat(streamed).isNotNull();
		assertThat(describe(streamed)).isEqualTo(describe(this.codec.decodeWithDataBinding(bytes)));
	}

	private DbItem readStreaming(byte[] value) {
		try (JsonParser parser = this.codec.mapper().createParser(value)) {
			return JsonItemReader.read(parser);
		}
	}

	private static DbItem randomItem(Random random, boolean anyJavaValue) {
		DbItem item = new DbItem();
		if (random.nextInt(4) > 0) {
			item.setUser(new UserPart(random.nextInt(10) > 0 ? randomMap(random, 0, anyJavaValue) : null));
		}
		if (random.nextBoolean()) {
			item.setSession(new SessionPart(random.nextBoolean() ? pick(random, TEXTS) : null,
					random.nextInt(5) > 0 ? randomMap(random, 0, anyJavaValue) : null,
					random.nextBoolean() ? randomList(random, 0, anyJavaValue) : null, randomInstant(random),
					randomInstant(random)));
		}
		if (random.nextBoolean()) {
			List<Map<String, Object>> items = null;
			if (random.nextInt(5) > 0) {
				items = new ArrayList<>();
				for (int i = random.nextInt(4); i > 0; i--) {
					items.add(random.nextInt(6) > 0 ? randomMap(random, 1, anyJavaValue) : null);
				}
			}
			item.setHistory(new HistoryPart(items));
		}
		item.setCreatedAt(randomInstant(random));
		item.setUpdatedAt(randomInstant(random));
		for (int i = random.nextInt(3); i > 0; i--) {
			item.otherFields().put(pick(random, KEYS), randomValue(random, 1, anyJavaValue));
		}
		return item;
	}

	private static Instant randomInstant(Random random) {
		return random.nextInt(4) > 0 ? Instant.ofEpochMilli(random.nextLong(4_102_444_800_000L)) : null;
	}

	private static Map<String, Object> randomMap(Random random, int depth, boolean anyJavaValue) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = random.nextInt(6); i > 0; i--) {
			map.put(pick(random, KEYS), randomValue(random, depth + 1, anyJavaValue));
		}
		return map;
	}

	private static List<Object> randomList(Random random, int depth, boolean anyJavaValue) {
		List<Object> list = new ArrayList<>();
		for (int i = random.nextInt(5); i > 0; i--) {
			list.add(randomValue(random, depth + 1, anyJavaValue));
		}
		return list;
	}

	private static Object randomValue(Random random, int depth, boolean anyJavaValue) {
		int kinds = (depth < 4) ? 12 : 10;
		return switch (random.nextInt(anyJavaValue ? kinds + 4 : kinds)) {
			case 0 -> null;
			case 1, 2 -> pick(random, TEXTS);
			case 3 -> random.nextBoolean();
			case 4 -> random.nextInt();
			case 5 -> random.nextLong();
			case 6 -> new BigInteger(100, random);
			case 7 -> finiteDouble(random);
			case 8 -> random.nextInt(1000) / 10.0;
			case 9 -> (double) random.nextInt(1 << 20);
			case 10 -> randomMap(random, depth, anyJavaValue);
			case 11 -> randomList(random, depth, anyJavaValue);
			case 12 -> random.nextFloat();
			case 13 -> new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(20) - 10);
			case 14 -> (short) random.nextInt();
			default -> Map.of(random.nextInt(20), "non-string key");
		};
	}

	private static double finiteDouble(Random random) {
		double value = Double.longBitsToDouble(random.nextLong());
		return Double.isFinite(value) ? value : random.nextGaussian();
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

	/** @return the item's fields and values with the Java type of each value, to compare two items read */
	private static String describe(DbItem item) {
		StringJoiner fields = new StringJoiner(", ", "DbItem{", "}");
		fields.add("user=" + ((item.getUser() != null) ? "UserPart{" + describe(item.getUser().data()) + "}" : null));
		SessionPart session = item.getSession();
		fields.add("session=" + ((session != null) ? "SessionPart{" + describe(session.id()) + ", "
				+ describe(session.data()) + ", " + describe(session.state()) + ", " + session.createdAt() + ", "
				+ session.updatedAt() + "}" : null));
		fields.add("history=" + ((item.getHistory() != null) ? "HistoryPart{" + describe(item.getHistory().items())
				+ "}" : null));
		fields.add("createdAt=" + item.getCreatedAt()).add("updatedAt=" + item.getUpdatedAt());
		fields.add("others=" + describe(item.otherFields()));
		return fields.toString();
	}

	private static String describe(Object value) {
		if (value instanceof Map<?, ?> map) {
			StringJoiner entries = new StringJoiner(", ", value.getClass().getSimpleName() + "{", "}");
			map.forEach((key, entry) -> entries.add(key + "=" + describe(entry)));
			return entries.toString();
		}
		if (value instanceof List<?> list) {
			StringJoiner elements = new StringJoiner(", ", value.getClass().getSimpleName() + "[", "]");
			list.forEach((element) -> elements.add(describe(element)));
			return elements.toString();
		}
		return (value != null) ? value.getClass().getSimpleName() + ":" + value : "null";
	}

	private static String text(byte[] value) {
		return new String(value, StandardCharsets.UTF_8);
	}

}

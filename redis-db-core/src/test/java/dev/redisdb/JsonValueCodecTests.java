package dev.redisdb;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.redisdb.DbItem.HistoryPart;
import dev.redisdb.DbItem.SessionPart;
import dev.redisdb.DbItem.UserPart;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JsonValueCodecTests {

	private static final EntryKey DATA = new EntryKey("data", "data:U");

	private final ValueCodec codec = ValueCodec.json();

	@Test
	void writesJovosShapeFieldOrderAndTimestamps() {
		Map<String, Object> nested = new LinkedHashMap<>();
		nested.put("a", null);
		nested.put("b", 0);
		nested.put("c", "");
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("visits", 3);
		data.put("name", "Ann");
		data.put("nested", nested);
		DbItem item = new DbItem();
		item.setUpdatedAt(Instant.parse("2026-11-25T18:49:26.893Z"));
		item.setHistory(new HistoryPart(List.of(Map.of("output", List.of(Map.of("message", "Hi"))))));
		item.setCreatedAt(Instant.parse("2026-11-25T18:49:26Z"));
		item.setSession(new SessionPart("s1", Map.of("step", 2), null, Instant.parse("2026-11-25T18:49:26.878Z"),
				Instant.parse("2026-11-25T18:49:26.878123Z")));
		item.setUser(new UserPart(data));
		assertThat(encode(item)).isEqualTo("{\"user\":{\"data\":{\"visits\":3,\"name\":\"Ann\","
				+ "\"nested\":{\"a\":null,\"b\":0,\"c\":\"\"}}},\"session\":{\"id\":\"s1\",\"data\":{\"step\":2},"
				+ "\"createdAt\":\"2026-11-25T18:49:26.878Z\",\"updatedAt\":\"2026-11-25T18:49:26.878Z\"},"
				+ "\"history\":{\"items\":[{\"output\":[{\"message\":\"Hi\"}]}]},"
				+ "\"createdAt\":\"2026-11-25T18:49:26.000Z\",\"updatedAt\":\"2026-11-25T18:49:26.893Z\"}");
	}

	@Test
	void keepsUnknownTopLevelFieldsThroughARoundTrip() {
		String stored = "{\"user\":{\"data\":{}},\"legacy\":{\"x\":[1,2]},\"createdAt\":\"2026-01-01T10:00:00.000Z\","
				+ "\"flag\":true}";
		DbItem item = decode(stored);
		assertThat(item.otherFields()).containsOnlyKeys("legacy", "flag");
		assertThat(encode(item)).isEqualTo("{\"user\":{\"data\":{}},"
				+ "\"createdAt\":\"2026-01-01T10:00:00.000Z\",\"legacy\":{\"x\":[1,2]},\"flag\":true}");
	}

	@Test
	void readsTimestampsWithOffsetsAndOtherPrecision() {
		DbItem item = decode("{\"createdAt\":\"2026-01-01T11:00:00+01:00\","
				+ "\"updatedAt\":\"2026-01-01T10:00:00.123456Z\"}");
		assertThat(item.getCreatedAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
		assertThat(item.getUpdatedAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00.123456Z"));
	}

	@Test
	void rejectsValueThatIsNotAJsonObjectWithoutQuotingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> decode("\"secret\""))
			.withMessage("the value is not a JSON object");
		assertThatIllegalArgumentException().isThrownBy(() -> decode("{\"user\": secret"))
			.withMessageStartingWith("the value is not valid JSON (at line 1")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("secret"));
	}

	private String encode(DbItem item) {
		return new String(this.codec.encode(DATA, item), StandardCharsets.UTF_8);
	}

	private DbItem decode(String value) {
		return this.codec.decode(DATA, value.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void rejectsFieldOfTheWrongTypeNamingOnlyItsPath() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> decode("{\"user\":{\"data\":\"secret\"}}"))
			.withMessage("field 'user.data' has the wrong type or format");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> decode("{\"createdAt\":\"yesterday-secret\"}"))
			.withMessage("field 'createdAt' has the wrong type or format");
	}

}

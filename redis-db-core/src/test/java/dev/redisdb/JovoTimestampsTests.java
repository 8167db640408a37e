package dev.redisdb;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JovoTimestampsTests {

	private static final DateTimeFormatter TO_ISO_STRING = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	@Test
	void formatsAndParsesLikeTheFormatterForManyInstants() {
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < 100_000; i++) {
			Instant instant = Instant.ofEpochMilli(random.nextLong(0, 253_402_300_799_999L));
			String text = JovoTimestamps.format(instant);
			assertThat(text).isEqualTo(TO_ISO_STRING.format(instant));
			assertThat(JovoTimestamps.parse(text)).isEqualTo(instant);
		}
	}

	@Test
	void truncatesToMilliseconds() {
		assertThat(JovoTimestamps.format(Instant.parse("2026-11-25T18:49:26.878999Z")))
			.isEqualTo("2026-11-25T18:49:26.878Z");
		assertThat(JovoTimestamps.format(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo("2026-01-01T00:00:00.000Z");
	}

	@Test
	void readsOtherIsoOffsetDateTimesThroughTheFormatter() {
		assertThat(JovoTimestamps.parse("2026-01-01T11:00:00+01:00")).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
		assertThat(JovoTimestamps.parse("2026-01-01T10:00:00.123456Z"))
			.isEqualTo(Instant.parse("2026-01-01T10:00:00.123456Z").truncatedTo(ChronoUnit.MICROS));
	}

	@Test
	void rejectsWhatIsNoDateTime() {
		assertThatExceptionOfType(DateTimeException.class).isThrownBy(() -> JovoTimestamps.parse("2026-13-01T00:00:00.000Z"));
		assertThatExceptionOfType(DateTimeException.class).isThrownBy(() -> JovoTimestamps.parse("2026-02-30T00:00:00.000Z"));
		assertThatExceptionOfType(DateTimeException.class).isThrownBy(() -> JovoTimestamps.parse("2026-11-25T18:49:26.87xZ"));
		assertThatExceptionOfType(DateTimeException.class).isThrownBy(() -> JovoTimestamps.parse("yesterday"));
	}

}

package dev.redisdb;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares stored JSON text exactly (structure, field order, formatting), with timestamps, which vary per run,
 * checked for Jovo's format and then replaced by {@code <ts>}.
 */
final class JsonAssertions {

	static final Pattern TIMESTAMP = Pattern.compile("\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z\"");

	private JsonAssertions() {
	}

	static void assertStoredJson(String actual, String expectedWithTimestampPlaceholders) {
		assertThat(actual).isNotNull();
		assertThat(TIMESTAMP.matcher(actual).replaceAll("\"<ts>\"")).isEqualTo(expectedWithTimestampPlaceholders);
	}

}

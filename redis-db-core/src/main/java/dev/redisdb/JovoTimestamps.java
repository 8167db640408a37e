package dev.redisdb;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Jovo's timestamps, JavaScript's {@code Date.toISOString()}: {@code 2026-11-25T18:49:26.878Z}, always three fraction
 * digits and {@code Z}. That one shape is read and written by hand rather than through {@link DateTimeFormatter}
 * (see the README's performance section); any other ISO-8601 offset date-time is read through the formatter.
 */
final class JovoTimestamps {

	private static final int LENGTH = 24;

	private JovoTimestamps() {
	}

	/**
	 * @param instant a point in time
	 * @return it in UTC with millisecond precision, as {@code toISOString()} writes it
	 */
	static String format(Instant instant) {
		int millis = instant.getNano() / 1_000_000;
		LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), millis * 1_000_000, ZoneOffset.UTC);
		if (time.getYear() < 0 || time.getYear() > 9999) {
			return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").format(time);
		}
		char[] text = new char[LENGTH];
		digits(text, 0, time.getYear(), 4);
		text[4] = '-';
		digits(text, 5, time.getMonthValue(), 2);
		text[7] = '-';
		digits(text, 8, time.getDayOfMonth(), 2);
		text[10] = 'T';
		digits(text, 11, time.getHour(), 2);
		text[13] = ':';
		digits(text, 14, time.getMinute(), 2);
		text[16] = ':';
		digits(text, 17, time.getSecond(), 2);
		text[19] = '.';
		digits(text, 20, millis, 3);
		text[23] = 'Z';
		return new String(text);
	}

	/**
	 * @param text an ISO-8601 date-time with offset, such as {@code 2026-11-25T18:49:26.878Z}
	 * @return the instant
	 * @throws DateTimeException when the text is no such date-time
	 */
	static Instant parse(String text) {
		if (text.length() == LENGTH && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
				&& text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.'
				&& text.charAt(23) == 'Z') {
			int year = number(text, 0, 4);
			int month = number(text, 5, 2);
			int day = number(text, 8, 2);
			int hour = number(text, 11, 2);
			int minute = number(text, 14, 2);
			int second = number(text, 17, 2);
			int millis = number(text, 20, 3);
			if ((year | month | day | hour | minute | second | millis) >= 0) {
				return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
					.toInstant(ZoneOffset.UTC);
			}
		}
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
	}

	/** @return the decimal number of {@code length} digits at {@code start}, or -1 if one is no digit */
	private static int number(String text, int start, int length) {
		int value = 0;
		for (int i = start; i < start + length; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static void digits(char[] text, int start, int value, int length) {
		for (int i = start + length - 1; i >= start; i--) {
			text[i] = (char) ('0' + value % 10);
			value /= 10;
		}
	}

}

package dev.redisdb;

import java.math.BigDecimal;
import java.util.function.Predicate;

import tools.jackson.core.io.schubfach.DoubleToDecimal;
import tools.jackson.core.io.schubfach.FloatToDecimal;

/**
 * Numbers as JavaScript's {@code Number::toString} writes them, and so {@code JSON.stringify}: the fewest digits
 * that read back to the same double, laid out by the ECMAScript rules ({@code 1}, {@code 0.0001},
 * {@code 123456789012345680000}, {@code 1e+21}, {@code 1.2345e-8}). The digits come from Jackson's copy of
 * Schubfach, the algorithm of Java 19's {@code Double.toString}; Java 17's own sometimes writes more digits than
 * needed.
 */
final class JavaScriptNumbers {

	private static final double MAX_SAFE_INTEGER = 0x1p53 - 1;

	/** Jackson's limit for writing a BigDecimal in plain notation, so that {@code 1E+999999999} is not expanded. */
	private static final int MAX_INTEGER_DIGITS = 9999;

	private JavaScriptNumbers() {
	}

	/**
	 * @param value a double
	 * @return whether it is an integer of at most 53 bits ({@code Number.isSafeInteger}, or -0): JavaScript writes
	 * those exactly as Java writes the same {@code long}
	 */
	static boolean isSafeInteger(double value) {
		return Math.abs(value) <= MAX_SAFE_INTEGER && (long) value == value;
	}

	/**
	 * @param value a finite double
	 * @return it as JavaScript writes it
	 * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot hold
	 */
	static String toString(double value) {
		if (isSafeInteger(value)) {
			return Long.toString((long) value);
		}
		requireFinite(value);
		String java = DoubleToDecimal.toString(value);
		if (java.indexOf('E') < 0) {
			// Java's plain notation (a fraction between 0.001 and 10^7) is JavaScript's
			return java;
		}
		if (Math.abs(value) < Double.MIN_NORMAL) {
			java = fewestDigits(java, new BigDecimal(value), (text) -> Double.parseDouble(text) == value);
		}
		return layOut(java);
	}

	/**
	 * A float is written as the double its shortest decimal reads as, which is what JavaScript holds after reading
	 * that decimal: {@code 0.1f} is written {@code 0.1}, not {@code 0.10000000149011612}.
	 * @param value a finite float
	 * @return it as JavaScript writes the double of its shortest decimal
	 * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot hold
	 */
	static String toString(float value) {
		requireFinite(value);
		String java = FloatToDecimal.toString(value);
		if (Math.abs(value) < Float.MIN_NORMAL) {
			java = fewestDigits(java, new BigDecimal(value), (text) -> Float.parseFloat(text) == value);
		}
		return toString(Double.parseDouble(java));
	}

	/**
	 * An integer value ({@code 12}, {@code 1.0}, {@code 1E+30}) is written exactly, as a BigInteger is, even beyond
	 * what a double holds; any other value as JavaScript writes the double nearest to it.
	 * @param value a decimal
	 * @return it as described
	 * @throws IllegalArgumentException for an integer of more than 9999 digits, and a fraction beyond the double
	 * range, which JavaScript would hold as Infinity
	 */
	static String toString(BigDecimal value) {
		if (value.signum() == 0) {
			return "0";
		}
		if (value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0) {
			if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
				throw new IllegalArgumentException(
						"a BigDecimal integer of more than " + MAX_INTEGER_DIGITS + " digits is not written");
			}
			return value.toBigInteger().toString();
		}
		double nearest = value.doubleValue();
		if (Double.isInfinite(nearest)) {
			throw new IllegalArgumentException("a BigDecimal beyond the double range is not a JSON number");
		}
		return toString(nearest);
	}

	private static void requireFinite(double value) {
		if (Double.isNaN(value)) {
			throw new IllegalArgumentException("NaN is not a JSON number");
		}
		if (Double.isInfinite(value)) {
			throw new IllegalArgumentException((value > 0 ? "Infinity" : "-Infinity") + " is not a JSON number");
		}
	}

	/**
	 * Where one digit reads back, Java may still write the two digits that lie closest ({@code 4.9E-324} for
	 * {@code 5e-324}); JavaScript wants the fewest. That happens only where the gap between doubles is a sizeable
	 * part of the value, far below the normal range.
	 */
	private static String fewestDigits(String java, BigDecimal exact, Predicate<String> readsBack) {
		int first = (java.charAt(0) == '-') ? 1 : 0;
		int exponentAt = java.indexOf('E');
		if (exponentAt != first + 3 || java.charAt(first + 2) == '0') {
			return java;
		}
		String sign = java.substring(0, first);
		int digit = java.charAt(first) - '0';
		int exponent = Integer.parseInt(java, exponentAt + 1, java.length(), 10);
		String down = sign + digit + ".0E" + exponent;
		String up = (digit == 9) ? sign + "1.0E" + (exponent + 1) : sign + (digit + 1) + ".0E" + exponent;
		boolean downReadsBack = readsBack.test(down);
		boolean upReadsBack = readsBack.test(up);
		if (downReadsBack && upReadsBack) {
			// No tie is possible: no binary fraction lies halfway between two one-digit decimals.
			return (distance(down, exact).compareTo(distance(up, exact)) < 0) ? down : up;
		}
		return downReadsBack ? down : upReadsBack ? up : java;
	}

	private static BigDecimal distance(String decimal, BigDecimal exact) {
		return new BigDecimal(decimal).subtract(exact).abs();
	}

	/**
	 * Lays out Java's scientific notation ({@code -d.dddE-n}) by ECMAScript's Number::toString: with k digits and
	 * the value being 0.digits times 10^n.
	 */
	private static String layOut(String java) {
		int first = (java.charAt(0) == '-') ? 1 : 0;
		int exponentAt = java.indexOf('E');
		int last = exponentAt - 1;
		while (java.charAt(last) == '0') {
			last--;
		}
		int k = last - first;
		int n = Integer.parseInt(java, exponentAt + 1, java.length(), 10) + 1;
		StringBuilder text = new StringBuilder(k + 26);
		text.append(java, 0, first);
		if (k <= n && n <= 21) {
			appendDigits(text, java, first, 0, k);
			text.append("0".repeat(n - k));
		}
		else if (0 < n && n <= 21) {
			appendDigits(text, java, first, 0, n);
			text.append('.');
			appendDigits(text, java, first, n, k);
		}
		else if (-6 < n && n <= 0) {
			text.append("0.").append("0".repeat(-n));
			appendDigits(text, java, first, 0, k);
		}
		else {
			appendDigits(text, java, first, 0, 1);
			if (k > 1) {
				text.append('.');
				appendDigits(text, java, first, 1, k);
			}
			text.append('e').append((n - 1 >= 0) ? '+' : '-').append(Math.abs(n - 1));
		}
		return text.toString();
	}

	/** Appends digits {@code from} to {@code to} of Java's {@code d.ddd}, the first at {@code first}. */
	private static void appendDigits(StringBuilder text, String java, int first, int from, int to) {
		for (int i = from; i < to; i++) {
			text.append(java.charAt((i == 0) ? first : first + 1 + i));
		}
	}

}

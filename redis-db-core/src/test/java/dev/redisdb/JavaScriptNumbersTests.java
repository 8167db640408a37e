package dev.redisdb;

import java.math.BigDecimal;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Expected texts are what {@code JSON.stringify} writes in Node.js for the same doubles.
 */
class JavaScriptNumbersTests {

	private static final Pattern JAVASCRIPT_NUMBER = Pattern
		.compile("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?(e[+-][1-9][0-9]*)?");

	@Test
	void writesIntegersWithoutFraction() {
		assertThat(JavaScriptNumbers.toString(1.0)).isEqualTo("1");
		assertThat(JavaScriptNumbers.toString(100.0)).isEqualTo("100");
		assertThat(JavaScriptNumbers.toString(-0.0)).isEqualTo("0");
		assertThat(JavaScriptNumbers.toString(0.0)).isEqualTo("0");
		assertThat(JavaScriptNumbers.toString(-42.0)).isEqualTo("-42");
		assertThat(JavaScriptNumbers.toString(0x1p53 + 2)).isEqualTo("9007199254740994");
		assertThat(JavaScriptNumbers.toString(0x1p60)).isEqualTo("1152921504606847000");
	}

	@Test
	void writesPlainDecimalsFromAMillionthBelowTenToThe21st() {
		assertThat(JavaScriptNumbers.toString(1.0E-4)).isEqualTo("0.0001");
		assertThat(JavaScriptNumbers.toString(-1.0E-4)).isEqualTo("-0.0001");
		assertThat(JavaScriptNumbers.toString(1.0E-6)).isEqualTo("0.000001");
		assertThat(JavaScriptNumbers.toString(1.234E-6)).isEqualTo("0.000001234");
		assertThat(JavaScriptNumbers.toString(0.1 + 0.2)).isEqualTo("0.30000000000000004");
		assertThat(JavaScriptNumbers.toString(12345678.5)).isEqualTo("12345678.5");
		assertThat(JavaScriptNumbers.toString(1.2345678901234568E20)).isEqualTo("123456789012345680000");
		assertThat(JavaScriptNumbers.toString(1.0E20)).isEqualTo("100000000000000000000");
	}

	@Test
	void writesExponentFormOutsideThatRange() {
		assertThat(JavaScriptNumbers.toString(1.0E21)).isEqualTo("1e+21");
		assertThat(JavaScriptNumbers.toString(-1.0E21)).isEqualTo("-1e+21");
		assertThat(JavaScriptNumbers.toString(1.5E300)).isEqualTo("1.5e+300");
		assertThat(JavaScriptNumbers.toString(1.0E-7)).isEqualTo("1e-7");
		assertThat(JavaScriptNumbers.toString(5.0E-7)).isEqualTo("5e-7");
		assertThat(JavaScriptNumbers.toString(1.2345E-8)).isEqualTo("1.2345e-8");
		assertThat(JavaScriptNumbers.toString(-1.5E-300)).isEqualTo("-1.5e-300");
		assertThat(JavaScriptNumbers.toString(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
	}

	@Test
	void writesTheFewestDigitsWhereJavaWritesTwo() {
		assertThat(Double.toString(Double.MIN_VALUE)).isEqualTo("4.9E-324");
		assertThat(JavaScriptNumbers.toString(Double.MIN_VALUE)).isEqualTo("5e-324");
		assertThat(JavaScriptNumbers.toString(2 * Double.MIN_VALUE)).isEqualTo("1e-323");
		assertThat(JavaScriptNumbers.toString(-Double.MIN_VALUE)).isEqualTo("-5e-324");
	}

	@Test
	void writesShortestDigitsWhereJava17WritesMore() {
		assertThat(JavaScriptNumbers.toString(2.0E-3)).isEqualTo("0.002");
		assertThat(JavaScriptNumbers.toString(1.0E23)).isEqualTo("1e+23");
	}

	@Test
	void writesAFloatAsTheDoubleOfItsShortestDecimal() {
		assertThat(JavaScriptNumbers.toString(0.1f)).isEqualTo("0.1");
		assertThat(JavaScriptNumbers.toString(16777216f)).isEqualTo("16777216");
		assertThat(JavaScriptNumbers.toString(3.4028235e38f)).isEqualTo("3.4028235e+38");
		assertThat(JavaScriptNumbers.toString(Float.MIN_VALUE)).isEqualTo("1e-45");
	}

	@Test
	void writesAnIntegerBigDecimalExactlyAndAFractionAsADouble() {
		assertThat(JavaScriptNumbers.toString(new BigDecimal("123456789012345678901234567890")))
			.isEqualTo("123456789012345678901234567890");
		assertThat(JavaScriptNumbers.toString(new BigDecimal("1.000"))).isEqualTo("1");
		assertThat(JavaScriptNumbers.toString(new BigDecimal("1E+3"))).isEqualTo("1000");
		assertThat(JavaScriptNumbers.toString(new BigDecimal("0E-5"))).isEqualTo("0");
		assertThat(JavaScriptNumbers.toString(new BigDecimal("0.1"))).isEqualTo("0.1");
		assertThat(JavaScriptNumbers.toString(new BigDecimal("1.00000000000000000001"))).isEqualTo("1");
		assertThat(JavaScriptNumbers.toString(new BigDecimal("1.5E-300"))).isEqualTo("1.5e-300");
		assertThat(JavaScriptNumbers.toString(new BigDecimal("1E-400"))).isEqualTo("0");
		assertThat(JavaScriptNumbers.toString(new BigDecimal("1.5E+40"))).isEqualTo("15" + "0".repeat(39));
	}

	@Test
	void rejectsWhatJsonCannotHold() {
		assertThatIllegalArgumentException().isThrownBy(() -> JavaScriptNumbers.toString(Double.NaN))
			.withMessage("NaN is not a JSON number");
		assertThatIllegalArgumentException().isThrownBy(() -> JavaScriptNumbers.toString(Double.POSITIVE_INFINITY))
			.withMessage("Infinity is not a JSON number");
		assertThatIllegalArgumentException().isThrownBy(() -> JavaScriptNumbers.toString(Float.NEGATIVE_INFINITY))
			.withMessage("-Infinity is not a JSON number");
		assertThatIllegalArgumentException().isThrownBy(() -> JavaScriptNumbers.toString(new BigDecimal("1E+400").add(new BigDecimal("0.5"))))
			.withMessage("a BigDecimal beyond the double range is not a JSON number");
		assertThatIllegalArgumentException().isThrownBy(() -> JavaScriptNumbers.toString(new BigDecimal("1E+10000")))
			.withMessage("a BigDecimal integer of more than 9999 digits is not written");
	}

	@Test
	void everyDoubleReadsBackWithNoMoreDigitsThanJavaWrites() {
		// A new seed each run; a failure names it, to replay with new Random(seed).
		long seed = System.nanoTime();
		Random random = new Random(seed);
		for (int i = 0; i < 200_000; i++) {
			double value = (i % 2 == 0) ? randomBits(random) : randomDecimal(random);
			String text = JavaScriptNumbers.toString(value);
			String context = "seed " + seed + ", value " + value + " (bits "
					+ Long.toHexString(Double.doubleToRawLongBits(value)) + "), written " + text;
			assertThat(Double.parseDouble(text)).as(context).isEqualTo((value == 0) ? 0.0 : value);
			assertThat(significantDigits(text)).as(context)
				.isLessThanOrEqualTo(significantDigits(Double.toString(value)));
			assertThat(text).as(context).matches(JAVASCRIPT_NUMBER);
			double magnitude = Math.abs(value);
			assertThat(text.contains("e")).as(context)
				.isEqualTo(magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21));
		}
	}

	private static double randomBits(Random random) {
		double value;
		do {
			value = Double.longBitsToDouble(random.nextLong());
		}
		while (!Double.isFinite(value));
		return value;
	}

	private static double randomDecimal(Random random) {
		StringBuilder digits = new StringBuilder().append(1 + random.nextInt(9));
		for (int i = random.nextInt(17); i > 0; i--) {
			digits.append(random.nextInt(10));
		}
		return Double.parseDouble((random.nextBoolean() ? "-" : "") + digits + "e" + (random.nextInt(80) - 40));
	}

	private static int significantDigits(String number) {
		String digits = number.replaceAll("[eE].*", "").replace("-", "").replace(".", "");
		digits = digits.replaceAll("^0+", "").replaceAll("0+$", "");
		return Math.max(digits.length(), 1);
	}

}

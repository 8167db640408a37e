package dev.redisdb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Transforms after the JSON codec: compression from a size on, functions that may throw, some entries only.
 */
class ValueTransformTests {

	private static final EntryKey USER = new EntryKey("user", "myapp:user:U");

	private static final EntryKey SESSION = new EntryKey("session", "myapp:session:U");

	@Test
	void compressionLeavesSmallValuesAsJovoJsonAndGzipsLargeOnes() {
		ValueCodec codec = ValueCodec.json().andThen(ValueTransform.compression(DataSize.ofBytes(200)));
		byte[] small = codec.encode(USER, item("x".repeat(10)));
		byte[] large = codec.encode(USER, item("x".repeat(2000)));
		assertThat(new String(small, StandardCharsets.UTF_8)).startsWith("{\"user\"");
		assertThat(large[0] & 0xff).isEqualTo(0x1f);
		assertThat(large.length).isLessThan(100);
		assertThat(codec.decode(USER, small).getUser().data()).containsEntry("notes", "x".repeat(10));
		assertThat(codec.decode(USER, large).getUser().data()).containsEntry("notes", "x".repeat(2000));
	}

	@Test
	void compressionReadsValuesWrittenBeforeItWasTurnedOn() {
		byte[] plain = ValueCodec.json().encode(USER, item("x".repeat(2000)));
		ValueCodec codec = ValueCodec.json().andThen(ValueTransform.compression(DataSize.ofBytes(1)));
		assertThat(codec.decode(USER, plain).getUser().data()).containsEntry("notes", "x".repeat(2000));
	}

	@Test
	void aBrokenGzipValueIsUndecodableWithoutQuotingIt() {
		ValueCodec codec = ValueCodec.json().andThen(ValueTransform.compression(DataSize.ofBytes(1)));
		byte[] stored = codec.encode(USER, item("PERSONAL".repeat(100)));
		byte[] broken = Arrays.copyOf(stored, stored.length / 2);
		assertThatIllegalArgumentException().isThrownBy(() -> codec.decode(USER, broken))
			.withMessage("the value starts like gzip but does not decompress (EOFException)");
	}

	@Test
	void onlyForTransformsTheNamedEntries() {
		ValueTransform reverse = ValueTransform.of((entry, value) -> reversed(value),
				(entry, value) -> reversed(value));
		ValueCodec codec = ValueCodec.json().andThen(reverse.onlyFor("user"));
		assertThat(new String(codec.encode(USER, item("a")), StandardCharsets.UTF_8)).startsWith("}");
		assertThat(new String(codec.encode(SESSION, item("a")), StandardCharsets.UTF_8)).startsWith("{");
		assertThat(codec.decode(USER, codec.encode(USER, item("a"))).getUser().data()).containsEntry("notes", "a");
	}

	@Test
	void checkedExceptionsBecomeClearFailuresThatDoNotQuoteTheValue() {
		ValueTransform failing = ValueTransform.of((entry, value) -> {
			throw new java.security.GeneralSecurityException("key unavailable");
		}, (entry, value) -> {
			throw new java.io.IOException("bad PERSONAL bytes");
		});
		assertThatIllegalStateException().isThrownBy(() -> failing.apply(USER, new byte[1]))
			.withMessage("Cannot transform the value of entry 'user': GeneralSecurityException");
		assertThatIllegalArgumentException().isThrownBy(() -> failing.revert(USER, new byte[1]))
			.withMessage("the value transform cannot revert the stored bytes (IOException)")
			.withMessageNotContaining("PERSONAL");
	}

	@Test
	void theTransformSeesTheEntryAndItsRedisKey() {
		ValueTransform keyBound = ValueTransform.of((entry, value) -> concat(entry.key(), value), (entry, value) -> {
			byte[] key = entry.key().getBytes(StandardCharsets.UTF_8);
			if (!Arrays.equals(Arrays.copyOf(value, key.length), key)) {
				throw new IllegalArgumentException("the value belongs to another key");
			}
			return Arrays.copyOfRange(value, key.length, value.length);
		});
		ValueCodec codec = ValueCodec.json().andThen(keyBound);
		byte[] stored = codec.encode(USER, item("a"));
		assertThat(codec.decode(USER, stored).getUser().data()).containsEntry("notes", "a");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> codec.decode(new EntryKey("user", "myapp:user:OTHER"), stored))
			.withMessage("the value belongs to another key");
	}

	private static DbItem item(String notes) {
		DbItem item = new DbItem();
		item.setUser(new DbItem.UserPart(Map.of("notes", notes)));
		return item;
	}

	private static byte[] reversed(byte[] bytes) {
		byte[] reversed = new byte[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			reversed[i] = bytes[bytes.length - 1 - i];
		}
		return reversed;
	}

	private static byte[] concat(String prefix, byte[] value) {
		byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
		byte[] joined = Arrays.copyOf(head, head.length + value.length);
		System.arraycopy(value, 0, joined, head.length, value.length);
		return joined;
	}

}

package dev.redisdb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * Gzip for values from a size on: {@link ValueTransform#compression}.
 */
final class GzipCompression implements ValueTransform {

	private static final int MAGIC_1 = 0x1f;

	private static final int MAGIC_2 = 0x8b;

	private final long threshold;

	GzipCompression(DataSize threshold) {
		Assert.notNull(threshold, "threshold must not be null");
		Assert.isTrue(!threshold.isNegative(), "threshold must not be negative");
		this.threshold = threshold.toBytes();
	}

	@Override
	public byte[] apply(EntryKey entry, byte[] value) {
		if (value.length < this.threshold) {
			return value;
		}
		ByteArrayOutputStream compressed = new ByteArrayOutputStream(value.length / 4 + 32);
		try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, value.length)) {
			gzip.write(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Writing to memory failed", ex);
		}
		return compressed.toByteArray();
	}

	@Override
	public byte[] revert(EntryKey entry, byte[] stored) {
		if (stored.length < 2 || (stored[0] & 0xff) != MAGIC_1 || (stored[1] & 0xff) != MAGIC_2) {
			return stored;
		}
		try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(stored), 8192)) {
			return gzip.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("the value starts like gzip but does not decompress ("
					+ ex.getClass().getSimpleName() + ")");
		}
	}

}

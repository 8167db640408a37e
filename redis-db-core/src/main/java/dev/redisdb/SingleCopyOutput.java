package dev.redisdb;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * Collects what a Jackson generator writes. The generator fills its own buffer and hands it over in one write when
 * the value fits (8000 bytes), and this keeps exactly that: one copy, no growing buffer, no copy to trim it. A larger
 * value arrives in several writes and is collected in a buffer that doubles.
 */
final class SingleCopyOutput extends OutputStream {

	private byte[] bytes = new byte[0];

	private int size;

	@Override
	public void write(int b) {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] source, int offset, int length) {
		if (this.size + length > this.bytes.length) {
			int capacity = (this.size == 0) ? length : Math.max(this.size + length, 2 * this.bytes.length);
			this.bytes = Arrays.copyOf(this.bytes, capacity);
		}
		System.arraycopy(source, offset, this.bytes, this.size, length);
		this.size += length;
	}

	byte[] toByteArray() {
		return (this.size == this.bytes.length) ? this.bytes : Arrays.copyOf(this.bytes, this.size);
	}

}

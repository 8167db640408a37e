package dev.redisdb;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * Collects what a Jackson generator writes. The generator fills its own buffer and hands it over in one write when
 * the value fits (8000 bytes), and this keeps exactly that: one copy, no growing buffer, no copy to trim it.
 */
final class SingleCopyOutput extends OutputStream {

	private byte[] bytes = new byte[0];

	@Override
	public void write(int b) {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] source, int offset, int length) {
		byte[] joined = Arrays.copyOf(this.bytes, this.bytes.length + length);
		System.arraycopy(source, offset, joined, this.bytes.length, length);
		this.bytes = joined;
	}

	byte[] toByteArray() {
		return this.bytes;
	}

}

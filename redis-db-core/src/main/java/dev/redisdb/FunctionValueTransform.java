package dev.redisdb;

import org.springframework.util.Assert;

/**
 * A transform from two functions: {@link ValueTransform#of}.
 */
final class FunctionValueTransform implements ValueTransform {

	private final Step apply;

	private final Step revert;

	FunctionValueTransform(Step apply, Step revert) {
		Assert.notNull(apply, "apply must not be null");
		Assert.notNull(revert, "revert must not be null");
		this.apply = apply;
		this.revert = revert;
	}

	@Override
	public byte[] apply(EntryKey entry, byte[] value) {
		try {
			return this.apply.apply(entry, value);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot transform the value of entry '" + entry.entryId() + "': "
					+ ex.getClass().getSimpleName(), ex);
		}
	}

	@Override
	public byte[] revert(EntryKey entry, byte[] stored) {
		try {
			return this.revert.apply(entry, stored);
		}
		catch (IllegalArgumentException ex) {
			throw ex;
		}
		catch (Exception ex) {
			// The exception's own message is left out: it is the app's, and might quote the value.
			throw new IllegalArgumentException("the value transform cannot revert the stored bytes ("
					+ ex.getClass().getSimpleName() + ")", ex);
		}
	}

}

package dev.redisdb;

import java.util.Set;

/**
 * A transform applied to some entries only: {@link ValueTransform#onlyFor}.
 */
final class EntryFilteringTransform implements ValueTransform {

	private final ValueTransform transform;

	private final Set<String> entryIds;

	EntryFilteringTransform(ValueTransform transform, Set<String> entryIds) {
		this.transform = transform;
		this.entryIds = entryIds;
	}

	@Override
	public byte[] apply(EntryKey entry, byte[] value) {
		return this.entryIds.contains(entry.entryId()) ? this.transform.apply(entry, value) : value;
	}

	@Override
	public byte[] revert(EntryKey entry, byte[] stored) {
		return this.entryIds.contains(entry.entryId()) ? this.transform.revert(entry, stored) : stored;
	}

}

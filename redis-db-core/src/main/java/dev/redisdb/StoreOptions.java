package dev.redisdb;

import java.time.Duration;
import java.util.List;

import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * How a {@link RedisUserStore} lays out and limits a user's data: Jovo's key and storage settings plus the store's
 * own limits. Created valid or not at all: an invalid combination throws an {@link InvalidStoreOptionException} that
 * names the option and the fix. Spring Boot applications get it from {@code jovo.redis.*}, changed by their
 * {@code StoreOptionsCustomizer} beans; others use {@link #builder()}.
 *
 * @param keyPrefix put in front of every key, followed by the separator; left out when empty
 * @param keySeparator between the parts of a key; not empty
 * @param hashTag whether the user id part of every key is a Redis Cluster hash tag, so that a user's entries share a
 * hash slot
 * @param storedElements what is stored
 * @param entries the Redis values a user's data is split into, in load order
 * @param maxUserIdLength longest user id accepted, in characters
 * @param maxKeyLength longest key accepted, in bytes: a key made from an overlong user or session id is refused
 * @param maxValueSize largest encoded value of one entry; a save with a larger one writes nothing
 * @param undecodableValues what a load does with a value it cannot decode
 * @param updateAttempts how often a conflict-safe update tries before it gives up
 * @param clusterNonAtomicWrites whether a save on Redis Cluster may write a user's entries one hash slot at a time
 * @param timeout how long each Redis command of a store call may take before the call fails; see
 * {@link StoreCommandTimeout} for how it reaches the connection
 * @since 0.2.0
 */
public record StoreOptions(String keyPrefix, String keySeparator, boolean hashTag, StoredElements storedElements,
		List<Entry> entries, int maxUserIdLength, int maxKeyLength, DataSize maxValueSize,
		UndecodableValues undecodableValues, int updateAttempts, boolean clusterNonAtomicWrites, Duration timeout) {

	public StoreOptions {
		Assert.notNull(keyPrefix, "keyPrefix must not be null");
		Assert.notNull(keySeparator, "keySeparator must not be null");
		Assert.notNull(storedElements, "storedElements must not be null");
		Assert.notNull(entries, "entries must not be null");
		Assert.notNull(maxValueSize, "maxValueSize must not be null");
		Assert.notNull(undecodableValues, "undecodableValues must not be null");
		Assert.notNull(timeout, "timeout must not be null");
		entries = List.copyOf(entries);
		StoreOptionsValidation.validate(keyPrefix, keySeparator, hashTag, storedElements, entries);
		StoreOptionsValidation.positive("max-user-id-length", maxUserIdLength, "1024");
		StoreOptionsValidation.positive("max-key-length", maxKeyLength, "4096");
		StoreOptionsValidation.positive("max-value-size", maxValueSize.toBytes(), "1MB");
		StoreOptionsValidation.positive("update-attempts", updateAttempts, "10");
		StoreOptionsValidation.positive("timeout", timeout.toMillis(), "2s");
	}

	/** @return Jovo's defaults: one entry {@code data} holding user data and timestamps, keys {@code data:<userId>} */
	public static StoreOptions defaults() {
		return builder().build();
	}

	/** @return a builder starting from the defaults */
	public static Builder builder() {
		return new Builder();
	}

	/** @return a builder starting from these options */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/** @return the entries that hold no stored element: a save does not write them */
	public List<Entry> entriesStoringNothing() {
		return this.entries.stream().filter((entry) -> !storesAnything(entry)).toList();
	}

	private boolean storesAnything(Entry entry) {
		return entry.elements().stream().anyMatch(this.storedElements::isEnabled);
	}

	/**
	 * Builds {@link StoreOptions}; unset values keep Jovo's and the store's defaults.
	 */
	public static final class Builder {

		private String keyPrefix = "";

		private String keySeparator = ":";

		private boolean hashTag;

		private StoredElements storedElements = StoredElements.defaults();

		private List<Entry> entries = List.of(Entry.everything("data"));

		private int maxUserIdLength = 1024;

		private int maxKeyLength = 4096;

		private DataSize maxValueSize = DataSize.ofMegabytes(1);

		private UndecodableValues undecodableValues = UndecodableValues.FAIL;

		private int updateAttempts = 10;

		private boolean clusterNonAtomicWrites;

		private Duration timeout = Duration.ofSeconds(2);

		private Builder() {
		}

		private Builder(StoreOptions options) {
			this.keyPrefix = options.keyPrefix;
			this.keySeparator = options.keySeparator;
			this.hashTag = options.hashTag;
			this.storedElements = options.storedElements;
			this.entries = options.entries;
			this.maxUserIdLength = options.maxUserIdLength;
			this.maxKeyLength = options.maxKeyLength;
			this.maxValueSize = options.maxValueSize;
			this.undecodableValues = options.undecodableValues;
			this.updateAttempts = options.updateAttempts;
			this.clusterNonAtomicWrites = options.clusterNonAtomicWrites;
			this.timeout = options.timeout;
		}

		public Builder keyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
			return this;
		}

		public Builder keySeparator(String keySeparator) {
			this.keySeparator = keySeparator;
			return this;
		}

		public Builder hashTag(boolean hashTag) {
			this.hashTag = hashTag;
			return this;
		}

		public Builder storedElements(StoredElements storedElements) {
			this.storedElements = storedElements;
			return this;
		}

		public Builder entries(List<Entry> entries) {
			this.entries = entries;
			return this;
		}

		public Builder entries(Entry... entries) {
			return entries(List.of(entries));
		}

		public Builder maxUserIdLength(int maxUserIdLength) {
			this.maxUserIdLength = maxUserIdLength;
			return this;
		}

		public Builder maxKeyLength(int maxKeyLength) {
			this.maxKeyLength = maxKeyLength;
			return this;
		}

		public Builder maxValueSize(DataSize maxValueSize) {
			this.maxValueSize = maxValueSize;
			return this;
		}

		public Builder undecodableValues(UndecodableValues undecodableValues) {
			this.undecodableValues = undecodableValues;
			return this;
		}

		public Builder updateAttempts(int updateAttempts) {
			this.updateAttempts = updateAttempts;
			return this;
		}

		public Builder clusterNonAtomicWrites(boolean clusterNonAtomicWrites) {
			this.clusterNonAtomicWrites = clusterNonAtomicWrites;
			return this;
		}

		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * @return the options
		 * @throws InvalidStoreOptionException naming the option and the fix when they cannot work
		 */
		public StoreOptions build() {
			return new StoreOptions(this.keyPrefix, this.keySeparator, this.hashTag, this.storedElements, this.entries,
					this.maxUserIdLength, this.maxKeyLength, this.maxValueSize, this.undecodableValues,
					this.updateAttempts, this.clusterNonAtomicWrites, this.timeout);
		}

	}

}

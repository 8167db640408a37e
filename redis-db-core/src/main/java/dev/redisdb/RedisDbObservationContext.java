package dev.redisdb;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.observation.Observation;

/**
 * What an observation of one call of {@link RedisUserStore} knows: the operation ({@code load}, {@code save},
 * {@code update}, {@code delete}), the number of entries of the layout, the outcome, and for writes the encoded size
 * of each entry and the attempts of an update. The observation is named {@code redisdb.<operation>}, with the
 * low-cardinality keys {@code outcome} and {@code entries}; neither a user id nor a key is ever part of it.
 *
 * @since 0.2.0
 */
public final class RedisDbObservationContext extends Observation.Context {

	/** The outcome of a call that returned normally. */
	public static final String SUCCESS = "success";

	private final String operation;

	private final int entries;

	private String outcome = SUCCESS;

	private int attempts;

	private final Map<String, Integer> valueSizes = new LinkedHashMap<>();

	RedisDbObservationContext(String operation, int entries) {
		this.operation = operation;
		this.entries = entries;
	}

	/** @return {@code load}, {@code save}, {@code update} or {@code delete} */
	public String operation() {
		return this.operation;
	}

	/** @return the number of entries a user's data is split into */
	public int entries() {
		return this.entries;
	}

	/**
	 * @return {@code success}, {@code unavailable}, {@code data-error}, {@code conflict}, {@code invalid-argument}
	 * or {@code error}
	 */
	public String outcome() {
		return this.outcome;
	}

	/** @return how many times an update loaded and tried to save; 0 for other operations */
	public int attempts() {
		return this.attempts;
	}

	/** @return for a save or update that encoded its entries, each entry's encoded size in bytes, by entry id */
	public Map<String, Integer> valueSizes() {
		return this.valueSizes;
	}

	void outcome(String outcome) {
		this.outcome = outcome;
	}

	void attempts(int attempts) {
		this.attempts = attempts;
	}

	void valueSize(String entryId, int bytes) {
		this.valueSizes.put(entryId, bytes);
	}

}

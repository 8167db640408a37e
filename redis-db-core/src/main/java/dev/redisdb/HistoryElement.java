package dev.redisdb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.util.Assert;

/**
 * Whether the interaction history is stored, how many turns it keeps, and which fields of a turn's item.
 *
 * @param enabled whether the history is stored
 * @param size turns kept, newest first
 * @param fields the fields of a turn's item that are kept, in the order Jovo writes them: {@code output},
 * {@code nlu}, {@code asr}, {@code state}, {@code request}, {@code response} first, then any other field (such as
 * {@code input}, {@code entities} or a name of the app's own) in the order given
 * @since 0.2.0
 */
public record HistoryElement(boolean enabled, int size, List<String> fields) {

	private static final List<String> JOVO_FIELD_ORDER = List.of("output", "nlu", "asr", "state", "request",
			"response");

	private static final int DEFAULT_SIZE = 3;

	public HistoryElement {
		Assert.notNull(fields, "fields must not be null");
		fields = inJovoOrder(fields);
	}

	/** @return no history (Jovo's default) */
	public static HistoryElement off() {
		return new HistoryElement(false, DEFAULT_SIZE, List.of("output", "nlu"));
	}

	/** @return a history of 3 turns keeping {@code output} and {@code nlu} */
	public static HistoryElement on() {
		return new HistoryElement(true, DEFAULT_SIZE, List.of("output", "nlu"));
	}

	/**
	 * @param size turns kept
	 * @param fields the fields of a turn's item to keep
	 * @return a history keeping exactly these fields
	 */
	public static HistoryElement of(int size, String... fields) {
		return new HistoryElement(true, size, List.of(fields));
	}

	private static List<String> inJovoOrder(List<String> fields) {
		Set<String> given = new LinkedHashSet<>(fields);
		List<String> ordered = new ArrayList<>(given.size());
		for (String known : JOVO_FIELD_ORDER) {
			if (given.remove(known)) {
				ordered.add(known);
			}
		}
		ordered.addAll(given);
		return List.copyOf(ordered);
	}

}

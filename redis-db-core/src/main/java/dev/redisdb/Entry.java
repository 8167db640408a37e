package dev.redisdb;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.util.Assert;

/**
 * One Redis value of a user's data: which elements it holds and how long it lives. Jovo's {@code entries[]}.
 *
 * <pre>{@code
 * Entry.of("user", StoredElement.USER, StoredElement.CREATED_AT, StoredElement.UPDATED_AT)
 * Entry.of("session", StoredElement.SESSION).withTtlSeconds(1200)
 * }</pre>
 *
 * @param id unique among the entries, part of the key; not empty
 * @param elements the elements this entry's value holds
 * @param ttlSeconds time to live set on every save when greater than 0; 0 stores the value without expiry
 * @since 0.2.0
 */
public record Entry(String id, Set<StoredElement> elements, long ttlSeconds) {

	public Entry {
		Assert.notNull(id, "id must not be null");
		Assert.notNull(elements, "elements must not be null");
		elements = elements.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(elements));
	}

	/**
	 * @param id the entry id
	 * @param elements what it holds
	 * @return an entry without TTL
	 */
	public static Entry of(String id, StoredElement... elements) {
		return new Entry(id, Set.copyOf(Arrays.asList(elements)), 0);
	}

	/**
	 * @param id the entry id
	 * @return an entry without TTL holding every element: Jovo's default entry is {@code everything("data")}
	 */
	public static Entry everything(String id) {
		return new Entry(id, EnumSet.allOf(StoredElement.class), 0);
	}

	/**
	 * @param ttlSeconds seconds, 0 for none
	 * @return a copy with that time to live
	 */
	public Entry withTtlSeconds(long ttlSeconds) {
		return new Entry(this.id, this.elements, ttlSeconds);
	}

	/**
	 * @param element an element
	 * @return whether this entry's value holds it
	 */
	public boolean holds(StoredElement element) {
		return this.elements.contains(element);
	}

}

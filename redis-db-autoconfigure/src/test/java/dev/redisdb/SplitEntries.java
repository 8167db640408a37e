package dev.redisdb;

import java.util.List;
import java.util.Map;

import dev.redisdb.RedisDbProperties.Entry;
import dev.redisdb.RedisDbProperties.HistoryElement;
import dev.redisdb.RedisDbProperties.SessionElement;
import dev.redisdb.RedisDbProperties.StoredElements;

/**
 * The seed's split example: key prefix {@code myapp}, entries {@code user} (no TTL), {@code session} and
 * {@code history} (1200 s each), with session and history stored.
 */
final class SplitEntries {

	private SplitEntries() {
	}

	static RedisDbProperties properties() {
		StoredElements elements = new StoredElements(null, new SessionElement(true, 900),
				new HistoryElement(true, 3, Map.of()), null, null);
		return RedisDbProperties.defaults()
			.withKeyPrefix("myapp")
			.withStoredElements(elements)
			.withEntries(List.of(new Entry("user", true, false, false, true, true, 0),
					new Entry("session", false, true, false, false, false, 1200),
					new Entry("history", false, false, true, false, false, 1200)));
	}

}

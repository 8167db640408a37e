package dev.redisdb.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The users a run works on: {@value #USERS} distinct ids, each a returning user ({@code visits} 100) with user data
 * of a given size, written in Jovo's stored format with pipelined {@code SET}s on a connection of its own. A marker
 * key tells which configuration and size the server holds.
 */
final class Dataset {

	static final int USERS = 100_000;

	static final int INITIAL_VISITS = 100;

	static final String MARKER_KEY = "redisdb-bench:dataset";

	private static final int BATCH = 1_000;

	/** JavaScript's {@code Date.toISOString()}, as Jovo stores timestamps. */
	static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final int userDataBytes;

	private final String[] userIds;

	/** The user data's fields after {@code visits}, {@code lastIntent} and {@code name}, without braces. */
	private final String filler;

	/**
	 * @param users how many users
	 * @param userDataBytes the approximate length of each user's data as JSON
	 */
	Dataset(int users, int userDataBytes) {
		this.userDataBytes = userDataBytes;
		this.userIds = userIds(users);
		this.filler = filler(userDataBytes - userData(0, "").length());
	}

	/** @return {@code user-0}, {@code user-1}, ... */
	static String[] userIds(int users) {
		String[] ids = new String[users];
		for (int i = 0; i < users; i++) {
			ids[i] = "user-" + i;
		}
		return ids;
	}

	/** @return what the marker key holds once this dataset is populated in a configuration */
	static String describe(int users, StoreConfig config, int userDataBytes) {
		return users + " users, " + config.name().toLowerCase(Locale.ROOT) + " config, userDataBytes "
				+ userDataBytes;
	}

	/** @return the stored JSON data of a user, before any turn */
	String userData(int index) {
		return userData(index, this.filler);
	}

	/**
	 * @param index the user's index
	 * @param config the configuration whose entries to write
	 * @param timestamp the users' creation and update time
	 * @return the user's entry values, in entry order
	 */
	List<String> entryValues(int index, StoreConfig config, String timestamp) {
		String user = "{\"user\":{\"data\":" + userData(index) + "},\"createdAt\":\"" + timestamp
				+ "\",\"updatedAt\":\"" + timestamp + "\"}";
		if (!config.hasSessionAndHistory()) {
			return List.of(user);
		}
		String session = "{\"session\":{\"id\":\"session-" + index + "\",\"data\":{\"step\":0},\"createdAt\":\""
				+ timestamp + "\",\"updatedAt\":\"" + timestamp + "\"}}";
		String history = "{\"history\":{\"items\":[{\"output\":[{\"message\":\"Welcome back!\"}]}]}}";
		return List.of(user, session, history);
	}

	/**
	 * As {@link #populate(StatefulRedisConnection, StoreConfig)}, on a connection of its own.
	 * @param port the redis-server on {@link TurnBenchmark#HOST}
	 * @param config the configuration
	 */
	void populate(int port, StoreConfig config) {
		RedisClient client = RedisClient.create(RedisURI.create(TurnBenchmark.HOST, port));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			populate(connection, config);
		}
		finally {
			client.shutdown();
		}
	}

	/**
	 * Empties the server, writes every user's entries as the configuration stores them, with the entries' TTLs, and
	 * the marker key.
	 * @param connection a connection used for nothing else meanwhile: its commands are flushed in batches
	 * @param config the configuration
	 */
	void populate(StatefulRedisConnection<String, String> connection, StoreConfig config) {
		RedisAsyncCommands<String, String> commands = connection.async();
		String timestamp = TIMESTAMP.format(Instant.now().truncatedTo(ChronoUnit.MILLIS));
		List<Long> ttls = config.ttlSeconds();
		connection.sync().flushall();
		connection.setAutoFlushCommands(false);
		try {
			List<RedisFuture<String>> batch = new ArrayList<>(BATCH * ttls.size());
			for (int i = 0; i < this.userIds.length; i++) {
				String[] keys = config.keysOf(this.userIds[i]);
				List<String> values = entryValues(i, config, timestamp);
				for (int e = 0; e < keys.length; e++) {
					long ttl = ttls.get(e);
					batch.add((ttl > 0) ? commands.set(keys[e], values.get(e), SetArgs.Builder.ex(ttl))
							: commands.set(keys[e], values.get(e)));
				}
				if (batch.size() >= BATCH || i == this.userIds.length - 1) {
					connection.flushCommands();
					if (!LettuceFutures.awaitAll(Duration.ofMinutes(1), batch.toArray(new RedisFuture[0]))) {
						throw new IllegalStateException("Pre-population timed out");
					}
					batch.clear();
				}
			}
		}
		finally {
			connection.setAutoFlushCommands(true);
		}
		connection.sync().set(MARKER_KEY, describe(this.userIds.length, config, this.userDataBytes));
	}

	private static String userData(int index, String filler) {
		return "{\"visits\":" + INITIAL_VISITS + ",\"lastIntent\":\"LaunchIntent\",\"name\":\"User " + index + "\""
				+ (filler.isEmpty() ? "" : "," + filler) + "}";
	}

	/** Mixed fields (strings, numbers, booleans, nested objects and arrays) until about {@code bytes} long. */
	private static String filler(int bytes) {
		JsonMapper mapper = JsonMapper.builder().build();
		ObjectNode fields = mapper.createObjectNode();
		for (int i = 0; mapper.writeValueAsString(fields).length() - 2 < bytes; i++) {
			if (i % 3 == 2) {
				ObjectNode preference = fields.putObject("preference" + i);
				preference.put("count", i * 7);
				preference.put("enabled", i % 2 == 0);
				preference.put("ratio", i / 64.0);
				preference.putArray("tags").add("alpha").add("beta");
			}
			else {
				fields.put("fact" + i, "Something the app remembered about the user, number " + i);
			}
		}
		String json = mapper.writeValueAsString(fields);
		return json.substring(1, json.length() - 1);
	}

}

package dev.redisdb.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.redisdb.test.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison is fair only if both variants do the same work: one turn of each on equal users must store the
 * same JSON with the same TTLs, through the same Redis commands.
 */
class TurnEquivalenceIntegrationTests {

	private static RedisServer server;

	private static RedisClient client;

	private static StatefulRedisConnection<String, String> connection;

	@BeforeAll
	static void startServer() {
		server = RedisServer.start();
		client = RedisClient.create(RedisURI.create(server.host(), server.port()));
		connection = client.connect();
	}

	@AfterAll
	static void stopServer() {
		connection.close();
		client.shutdown();
		server.close();
	}

	@ParameterizedTest
	@EnumSource(StoreConfig.class)
	void storeAndBaselineStoreTheSameJsonWithTheSameTtlsThroughTheSameCommands(StoreConfig config) {
		new Dataset(2, 1024).populate(connection, config);
		RedisCommands<String, String> redis = connection.sync();
		try (Turn store = new StoreTurn(server.port(), config);
				Turn baseline = new LettuceTurn(server.port(), config)) {
			assertThat(store.run("user-0", "PlayIntent")).isEqualTo(Dataset.INITIAL_VISITS + 1);
			assertThat(baseline.run("user-1", "PlayIntent")).isEqualTo(Dataset.INITIAL_VISITS + 1);
			redis.configResetstat();
			assertThat(store.run("user-0", "HelpIntent")).isEqualTo(Dataset.INITIAL_VISITS + 2);
			assertThat(baseline.run("user-1", "HelpIntent")).isEqualTo(Dataset.INITIAL_VISITS + 2);
		}
		Map<String, Long> calls = commandCalls(redis);
		assertThat(calls).containsEntry("mget", 2L).doesNotContainKeys("eval", "get");
		if (config == StoreConfig.DEFAULT) {
			// one key: the store writes it with one SET, the baseline with its script (which SETs inside)
			assertThat(calls).containsEntry("evalsha", 1L).containsEntry("set", 2L);
		}
		else {
			assertThat(calls).containsEntry("evalsha", 2L);
		}
		String[] storeKeys = config.keysOf("user-0");
		String[] baselineKeys = config.keysOf("user-1");
		assertThat(redis.get(storeKeys[0]))
			.contains("\"visits\":" + (Dataset.INITIAL_VISITS + 2) + ",\"lastIntent\":\"HelpIntent\"");
		for (int i = 0; i < storeKeys.length; i++) {
			String stored = redis.get(storeKeys[i]);
			assertThat(normalized(redis.get(baselineKeys[i]), 1)).isEqualTo(normalized(stored, 0));
			long ttl = config.ttlSeconds().get(i);
			// both written within the same few seconds: a TTL may have ticked down by one in between
			assertThat(redis.ttl(storeKeys[i])).isBetween((ttl > 0) ? ttl - 2 : -1, (ttl > 0) ? ttl : -1);
			assertThat(redis.ttl(baselineKeys[i])).isBetween((ttl > 0) ? ttl - 2 : -1, (ttl > 0) ? ttl : -1);
		}
	}

	@ParameterizedTest
	@EnumSource(StoreConfig.class)
	void theOtherStoreVariantsStoreWhatTheStoreOnItsOwnConnectionStores(StoreConfig config) {
		new Dataset(3, 1024).populate(connection, config);
		RedisCommands<String, String> redis = connection.sync();
		try (Turn own = new StoreTurn(server.port(), config);
				Turn application = new StoreTurn(server.port(), config, StoreConnection.APPLICATION, false);
				Turn metered = new StoreTurn(server.port(), config, StoreConnection.OWN, true)) {
			assertThat(own.run("user-0", "PlayIntent")).isEqualTo(Dataset.INITIAL_VISITS + 1);
			assertThat(application.run("user-1", "PlayIntent")).isEqualTo(Dataset.INITIAL_VISITS + 1);
			assertThat(metered.run("user-2", "PlayIntent")).isEqualTo(Dataset.INITIAL_VISITS + 1);
		}
		String[] ownKeys = config.keysOf("user-0");
		for (int user = 1; user <= 2; user++) {
			String[] keys = config.keysOf("user-" + user);
			for (int i = 0; i < keys.length; i++) {
				assertThat(normalized(redis.get(keys[i]), user)).isEqualTo(normalized(redis.get(ownKeys[i]), 0));
			}
		}
	}

	@ParameterizedTest
	@EnumSource(StoreConfig.class)
	void aNewUsersAndANewSessionsFirstTurnIsTwoRoundTripsInEveryVariant(StoreConfig config) {
		new Dataset(1, 1024).populate(connection, config);
		RedisCommands<String, String> redis = connection.sync();
		for (String variant : List.of("store", "store-app-connection", "store-metrics", "baseline")) {
			try (Turn turn = Turn.of(variant, server.port(), config)) {
				// connected, its script known to the server: as in any turn after the first of the application
				turn.run("warm-" + variant, "LaunchRequest");
				redis.configResetstat();
				assertThat(turn.run("new-" + variant, "LaunchRequest")).isEqualTo(1);
				assertTwoRoundTrips(redis, config, variant + ", new user");
				if (config.hasSessionAndHistory()) {
					redis.del(config.keysOf("user-0")[1]);
					redis.configResetstat();
					assertThat(turn.run("user-0", "LaunchRequest")).isGreaterThan(Dataset.INITIAL_VISITS);
					assertTwoRoundTrips(redis, config, variant + ", new session");
					assertThat(redis.get(config.keysOf("user-0")[1])).contains("\"step\":");
				}
			}
		}
	}

	/**
	 * Command statistics count the commands a script runs too: two round trips are one {@code MGET} and one script,
	 * whose {@code SET}s (and {@code TYPE} checks) are one per entry.
	 */
	private static void assertTwoRoundTrips(RedisCommands<String, String> redis, StoreConfig config, String turn) {
		Map<String, Long> calls = commandCalls(redis);
		calls.remove("config|resetstat");
		long entries = config.keysOf("any").length;
		assertThat(calls.keySet()).as(turn).isSubsetOf("mget", "evalsha", "set", "type");
		assertThat(calls).as(turn).containsEntry("mget", 1L).containsEntry("evalsha", 1L).containsEntry("set", entries);
		assertThat(calls.getOrDefault("type", 0L)).as(turn).isLessThanOrEqualTo(entries);
	}

	private static String normalized(String value, int userIndex) {
		return value.replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z", "<time>")
			.replace("User " + userIndex + "\"", "User N\"")
			.replace("session-" + userIndex + "\"", "session-N\"");
	}

	private static Map<String, Long> commandCalls(RedisCommands<String, String> redis) {
		Map<String, Long> calls = new LinkedHashMap<>();
		for (String line : redis.info("commandstats").split("\r?\n")) {
			if (line.startsWith("cmdstat_")) {
				String stats = line.substring(line.indexOf(':') + 1);
				calls.put(line.substring("cmdstat_".length(), line.indexOf(':')),
						Long.parseLong(stats.substring("calls=".length(), stats.indexOf(','))));
			}
		}
		return calls;
	}

}

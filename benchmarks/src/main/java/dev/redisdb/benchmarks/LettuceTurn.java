package dev.redisdb.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The baseline: the same turn written by hand, as a developer would without the library. Plain Lettuce (one shared
 * connection, sync API), Jackson trees, the same Redis commands as the store (one {@code MGET} of the entry keys,
 * one {@code EVALSHA} that sets every key, with {@code EX} where the entry has a TTL) and the same stored JSON.
 */
final class LettuceTurn implements Turn {

	/** KEYS: the entry keys; ARGV: their values, then their TTLs in seconds (0: none). */
	private static final String SAVE_SCRIPT = """
			for i, key in ipairs(KEYS) do
			  local ttl = tonumber(ARGV[#KEYS + i])
			  if ttl > 0 then
			    redis.call('SET', key, ARGV[i], 'EX', ttl)
			  else
			    redis.call('SET', key, ARGV[i])
			  end
			end
			return #KEYS
			""";

	private static final long SESSION_EXPIRES_AFTER_MILLIS = 900_000;

	private static final int HISTORY_SIZE = 1;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final ArrayNode output = this.mapper.createArrayNode().add(this.mapper.createObjectNode().put("message", "Hi"));

	private final StoreConfig config;

	private final String[] ttls;

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> connection;

	private final RedisCommands<String, String> redis;

	private final String saveScriptSha;

	LettuceTurn(int port, StoreConfig config) {
		this.config = config;
		this.ttls = config.ttlSeconds().stream().map(String::valueOf).toArray(String[]::new);
		this.client = RedisClient.create(RedisURI.create(TurnBenchmark.HOST, port));
		this.connection = this.client.connect();
		this.redis = this.connection.sync();
		this.saveScriptSha = this.redis.scriptLoad(SAVE_SCRIPT);
	}

	@Override
	public int run(String userId, String intent) {
		String[] keys = this.config.keysOf(userId);
		ObjectNode stored = this.mapper.createObjectNode();
		for (KeyValue<String, String> value : this.redis.mget(keys)) {
			if (value.hasValue()) {
				stored.setAll((ObjectNode) this.mapper.readTree(value.getValue()));
			}
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String nowText = Dataset.TIMESTAMP.format(now);

		JsonNode storedData = stored.path("user").path("data");
		ObjectNode data = storedData.isObject() ? (ObjectNode) storedData : this.mapper.createObjectNode();
		int visits = data.path("visits").asInt(0) + 1;
		data.put("visits", visits);
		data.put("lastIntent", intent);

		ObjectNode user = this.mapper.createObjectNode();
		user.putObject("user").set("data", data);
		user.put("createdAt", stored.hasNonNull("createdAt") ? stored.get("createdAt").stringValue() : nowText);
		user.put("updatedAt", nowText);
		if (!this.config.hasSessionAndHistory()) {
			return save(keys, visits, this.mapper.writeValueAsString(user));
		}
		ObjectNode session = this.mapper.createObjectNode();
		session.set("session", session(stored.path("session"), visits, now, nowText));
		ObjectNode history = this.mapper.createObjectNode();
		history.putObject("history").set("items", historyItems(stored.path("history").path("items")));
		return save(keys, visits, this.mapper.writeValueAsString(user), this.mapper.writeValueAsString(session),
				this.mapper.writeValueAsString(history));
	}

	/** The stored session unless it has expired, otherwise a new one; with this turn's step. */
	private ObjectNode session(JsonNode stored, int step, Instant now, String nowText) {
		ObjectNode session = this.mapper.createObjectNode();
		boolean restored = stored.isObject() && stored.hasNonNull("updatedAt")
				&& Duration.between(Instant.parse(stored.get("updatedAt").stringValue()), now)
					.toMillis() <= SESSION_EXPIRES_AFTER_MILLIS;
		if (restored && stored.hasNonNull("id")) {
			session.put("id", stored.get("id").stringValue());
		}
		ObjectNode data = session.putObject("data");
		if (restored && stored.path("data").isObject()) {
			data.setAll((ObjectNode) stored.get("data"));
		}
		data.put("step", step);
		if (restored && stored.path("state").isArray() && !stored.get("state").isEmpty()) {
			session.set("state", stored.get("state"));
		}
		if (restored) {
			session.put("createdAt", stored.path("createdAt").stringValue(stored.get("updatedAt").stringValue()));
		}
		else {
			session.put("createdAt", nowText);
		}
		session.put("updatedAt", nowText);
		return session;
	}

	/** This turn's item, then the stored items, newest first, cut to the history size. */
	private ArrayNode historyItems(JsonNode stored) {
		ArrayNode items = this.mapper.createArrayNode();
		items.addObject().set("output", this.output);
		for (int i = 0; i < stored.size() && items.size() < HISTORY_SIZE; i++) {
			items.add(stored.get(i));
		}
		return items;
	}

	private int save(String[] keys, int visits, String... values) {
		String[] arguments = new String[values.length * 2];
		for (int i = 0; i < values.length; i++) {
			arguments[i] = values[i];
			arguments[values.length + i] = this.ttls[i];
		}
		this.redis.evalsha(this.saveScriptSha, ScriptOutputType.INTEGER, keys, arguments);
		return visits;
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

}

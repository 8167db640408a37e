package dev.redisdb.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.redisdb.test.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's Actuator over real HTTP: the store's timers and Lettuce's command metrics of the store's own
 * connection in Prometheus' format, and the {@code redisdb} endpoint reading (values hidden) and erasing a user.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ObservabilityIntegrationTests {

	static final String USER = "amzn1.ask.account.AGF7SAMPLEUSER";

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void redisServer(DynamicPropertyRegistry registry) {
		registry.add("jovo.redis.connection-string", () -> redis.server().uri());
		registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:1");
		registry.add("management.health.redis.enabled", () -> "false");
	}

	@Test
	void prometheusCountsEveryTurnAndTheOwnConnectionsCommands() throws Exception {
		for (String turn : List.of("launch.json", "my-name-is.json", "start-quiz.json")) {
			assertThat(send("POST", "/alexa", request(turn)).statusCode()).isEqualTo(200);
		}
		String metrics = send("GET", "/actuator/prometheus", null).body();
		assertThat(value(metrics, "redisdb_update_seconds_count\\{entries=\"3\",error=\"none\",outcome=\"success\"}"))
			.as("one conflict-safe update per turn").isEqualTo(3);
		assertThat(value(metrics, "redisdb_value_size_bytes_count\\{entry=\"user\"}")).isEqualTo(3);
		assertThat(value(metrics, "lettuce_seconds_count\\{db_operation=\"MGET\"[^}]*net_sock_peer_port=\""
				+ redis.server().port() + "\"[^}]*}")).as("Lettuce's metrics cover the store's own connection")
			.isGreaterThanOrEqualTo(3);
		assertThat(metrics).doesNotContain(USER).doesNotContain("myapp:");
	}

	@Test
	void healthIsUpWithBootsIndicatorOffAndTheStoresOn() throws Exception {
		HttpResponse<String> health = send("GET", "/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(health.body()).get("status").asString()).isEqualTo("UP");
	}

	@Test
	void theEndpointListsTheUsersKeysWithoutValuesAndErasesThem() throws Exception {
		send("POST", "/alexa", request("launch.json"));
		send("POST", "/alexa", request("my-name-is.json"));
		JsonNode user = this.json.readTree(send("GET", "/actuator/redisdb/" + USER, null).body());
		assertThat(user.get("keys").valueStream().map((key) -> key.get("entry").asString()))
			.containsExactly("user", "session", "history", "session", "index");
		assertThat(user.get("keys").valueStream()).allSatisfy((key) -> assertThat(key.get("value").isNull()).isTrue());
		assertThat(user.toString()).doesNotContain("Anna");

		JsonNode erased = this.json.readTree(send("DELETE", "/actuator/redisdb/" + USER, null).body());
		assertThat(erased.get("removed").size()).isEqualTo(4);
		assertThat(redis.server().dbSize()).as("nothing left: SCAN finds no key").isZero();
	}

	private HttpResponse<String> send(String method, String path, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json");
		request.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
				: HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static double value(String metrics, String name) {
		Matcher matcher = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(metrics);
		assertThat(matcher.find()).as(name + " in\n" + metrics.lines().filter((line) -> line.startsWith("redisdb")
				|| line.startsWith("lettuce_seconds_count")).toList()).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

	private static String request(String file) throws IOException {
		return Files.readString(Path.of("requests", file));
	}

}

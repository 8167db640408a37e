package dev.redisdb.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * The sample as a production skill has to behave: concurrent requests of one user lose no visit, client mistakes are
 * 4xx with a problem body, and an unreachable Redis is answered with speech, over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlexaRobustnessIntegrationTests {

	private static final String USER = "amzn1.ask.account.AGF7SAMPLEUSER";

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void redisServer(DynamicPropertyRegistry registry) {
		registry.add("jovo.redis.connection-string", () -> redis.server().uri());
		registry.add("jovo.redis.timeout", () -> "500ms");
		registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:1");
	}

	@Test
	void twoHundredConcurrentLaunchesOfOneUserCountTwoHundredVisits() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(16);
		try {
			List<Future<HttpResponse<String>>> responses = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				String launch = launch(USER, "amzn1.echo-api.session.concurrent-" + i);
				responses.add(executor.submit(() -> post(launch)));
			}
			for (Future<HttpResponse<String>> response : responses) {
				assertThat(response.get().statusCode()).isEqualTo(200);
			}
		}
		finally {
			executor.shutdownNow();
		}
		String welcome = speech(post(launch(USER, "amzn1.echo-api.session.after")));
		assertThat(welcome).contains("visit number 201");
	}

	@Test
	void clientMistakesAreProblemsNotServerErrors() throws Exception {
		assertProblem(post(launch("u".repeat(1025), "s1")), 400, "userId is 1025 characters long");
		assertProblem(post(launch("bad\\ud800id", "s1")), 400, "userId is not valid Unicode");
		assertProblem(post(request("my-name-is.json").replace("\"Anna\"", "\"" + "x".repeat(10 * 1024 * 1024) + "\"")),
				413, "larger than 262144 bytes");
		assertThat(redis.server().dbSize()).isZero();
	}

	@Test
	void aSessionOfAnotherUserIsForbidden() throws Exception {
		assertThat(post(launch(USER, "shared-session")).statusCode()).isEqualTo(200);
		assertProblem(post(launch("amzn1.ask.account.MALLORY", "shared-session")), 403,
				"The request's session belongs to another user.");
	}

	@Test
	void aStoredHistoryWithANullItemIsRepeatedSafely() throws Exception {
		post(launch(USER, "s-null"));
		String historyKey = "myapp:history:" + HashingKeyStrategy.sha256Hex(USER);
		redis.server().call((commands) -> commands.set(historyKey, "{\"history\":{\"items\":[null]}}"));
		String repeat = request("repeat.json").replace("amzn1.echo-api.session.4a1e0c2f-0001-4b8e-9c3a-5e8d2f1a7c01",
				"s-null");
		HttpResponse<String> response = post(repeat);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(speech(response)).startsWith("I have nothing to repeat yet.");
	}

	@Test
	void redisDownIsAnsweredWithSpeechWithinTheTimeout() throws Exception {
		redis.server().kill();
		try {
			long start = System.nanoTime();
			HttpResponse<String> response = post(launch(USER, "s-down"));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(speech(response)).isEqualTo("Sorry, I can't reach my memory right now, please try again.");
			assertThat(took).as("within command timeout plus margin").isLessThan(Duration.ofSeconds(2));
		}
		finally {
			redis.server().restart();
		}
	}

	private HttpResponse<String> post(String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/alexa"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String speech(HttpResponse<String> response) {
		return this.json.readTree(response.body()).at("/response/outputSpeech/text").asString();
	}

	private void assertProblem(HttpResponse<String> response, int status, String detail) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).contains(detail);
	}

	private static String launch(String userId, String sessionId) {
		return request("launch.json").replace("amzn1.ask.account.AGF7SAMPLEUSER", userId)
			.replace("amzn1.echo-api.session.4a1e0c2f-0001-4b8e-9c3a-5e8d2f1a7c01", sessionId);
	}

	private static String request(String file) {
		try {
			return Files.readString(Path.of("requests", file));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read request file " + file, ex);
		}
	}

}

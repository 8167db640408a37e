package dev.redisdb.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.redisdb.test.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Redis that accepts connections but does not answer (paused, overloaded, a network partition) is answered with
 * speech within the timeouts of the sample's {@code application.yml}, well inside the 8 s Alexa waits, on Spring
 * Boot's connection as the one-command run uses it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlexaRedisNotAnsweringIntegrationTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void redisServer(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", () -> redis.server().uri());
	}

	@Test
	void aRedisThatDoesNotAnswerIsAnsweredWithSpeechWithinTheConfiguredTimeout() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String launch = Files.readString(Path.of("requests/launch.json"));
		assertThat(post(http, launch).statusCode()).isEqualTo(200);
		redis.server().call((commands) -> commands.clientPause(6_000));
		long start = System.nanoTime();
		HttpResponse<String> response = post(http, launch);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonMapper.builder().build().readTree(response.body()).at("/response/outputSpeech/text").asString())
			.isEqualTo("Sorry, I can't reach my memory right now, please try again.");
		assertThat(took).as("spring.data.redis.timeout of 2 s plus a margin").isLessThan(Duration.ofMillis(3_500));
	}

	private HttpResponse<String> post(HttpClient http, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/alexa"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}

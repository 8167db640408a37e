package dev.redisdb.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.redisdb.test.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code management.endpoint.redisdb.show-values: always}, the endpoint shows decoded values (decrypted where
 * the entry is encrypted).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "management.endpoint.redisdb.show-values=always")
class ObservabilityShowValuesIntegrationTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void redisServer(DynamicPropertyRegistry registry) {
		registry.add("jovo.redis.connection-string", () -> redis.server().uri());
		registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:1");
	}

	@Test
	void showsTheDecryptedUserData() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (String file : new String[] { "launch.json", "my-name-is.json" }) {
			http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/alexa"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(Files.readString(Path.of("requests", file))))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		String user = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port
				+ "/actuator/redisdb/" + ObservabilityIntegrationTests.USER)).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		assertThat(user).contains("\"name\":\"Anna\"").doesNotContain("\"owner\"");
	}

}

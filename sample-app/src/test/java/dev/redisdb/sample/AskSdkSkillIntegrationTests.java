package dev.redisdb.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.redisdb.RedisUserStore;
import dev.redisdb.test.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ASK SDK skill at {@code /alexa/ask-sdk} over HTTP against a real Redis, with the request files of
 * {@code requests/}: its answers, what Redis holds, and one user shared with the {@code /alexa} endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "sample.encryption-key=" + AlexaConversationIntegrationTests.KEY)
@AutoConfigureRestTestClient
class AskSdkSkillIntegrationTests {

	private static final String BEN = "amzn1.ask.account.AGF7ASKSDKUSER";

	private static final String BEN_USER_KEY = "myapp:user:" + HashingKeyStrategy.sha256Hex(BEN);

	private static final String BEN_SESSION_KEY = "myapp:session:amzn1.echo-api.session.4a1e0c2f-0003-4b8e-9c3a-5e8d2f1a7c03";

	private static final String ANNA_HISTORY_KEY = "myapp:history:"
			+ HashingKeyStrategy.sha256Hex("amzn1.ask.account.AGF7SAMPLEUSER");

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private RestTestClient client;

	@Autowired
	private RedisUserStore store;

	@DynamicPropertySource
	static void redisServer(DynamicPropertyRegistry registry) {
		registry.add("jovo.redis.connection-string", () -> redis.server().uri());
		registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:1");
	}

	@Test
	void answersWithTheAskSdksResponseEnvelope() {
		JsonNode answer = post("/alexa/ask-sdk", "ask-sdk-launch.json");

		assertThat(answer.at("/version").asString()).isEqualTo("1.0");
		assertThat(answer.at("/response/outputSpeech").toString()).isEqualTo("{\"type\":\"SSML\",\"ssml\":\"<speak>"
				+ "Welcome to the ASK SDK skill! Tell me your name: say, my name is, and then your name.</speak>\"}");
		assertThat(answer.at("/response/reprompt/outputSpeech/ssml").asString())
			.isEqualTo("<speak>Say: my name is, and then your name. Or say: stop.</speak>");
		assertThat(answer.at("/response/shouldEndSession").asBoolean()).isFalse();
		assertThat(answer.at("/userAgent").asString()).startsWith("ask-java/2.86.0 ");
	}

	@Test
	void remembersTheUserInItsPersistentAttributes() {
		assertThat(say("/alexa/ask-sdk", "ask-sdk-launch.json")).startsWith("Welcome to the ASK SDK skill!");
		assertThat(say("/alexa/ask-sdk", "ask-sdk-my-name-is.json"))
			.isEqualTo("Nice to meet you, Ben! I will remember your name.");
		JsonNode stop = post("/alexa/ask-sdk", "ask-sdk-stop.json");
		assertThat(stop.at("/response/outputSpeech/ssml").asString()).isEqualTo("<speak>Goodbye, Ben!</speak>");
		assertThat(stop.at("/response/shouldEndSession").asBoolean()).isTrue();
		assertThat(post("/alexa/ask-sdk", "ask-sdk-session-ended.json").at("/response").toString()).isEqualTo("{}");
		assertThat(say("/alexa/ask-sdk", "ask-sdk-relaunch.json"))
			.isEqualTo("Welcome back, Ben! This is your visit number 2.");

		assertThat(this.store.load(BEN).data()).containsExactly(entry("visits", 2), entry("name", "Ben"));
		assertThat(redis.server().get(BEN_USER_KEY)).as("encrypted by the sample's codec")
			.doesNotStartWith("{")
			.doesNotContain("Ben");
		assertThat(redis.server().get(BEN_SESSION_KEY)).as("keyed by the sample's key strategy")
			.startsWith("{\"session\":{\"id\":\"amzn1.echo-api.session.4a1e0c2f-0003-4b8e-9c3a-5e8d2f1a7c03\"");
	}

	@Test
	void greetsByTheNameToldToTheAlexaEndpoint() {
		say("/alexa", "launch.json");
		say("/alexa", "my-name-is.json");
		String history = redis.server().get(ANNA_HISTORY_KEY);

		assertThat(say("/alexa/ask-sdk", "relaunch.json")).isEqualTo("Welcome back, Anna! This is your visit number 2.");
		assertThat(redis.server().get(ANNA_HISTORY_KEY)).as("the history, as /alexa left it").isEqualTo(history);
	}

	@Test
	void theAlexaEndpointGreetsByTheNameToldToTheAskSdkSkill() {
		say("/alexa/ask-sdk", "ask-sdk-launch.json");
		say("/alexa/ask-sdk", "ask-sdk-my-name-is.json");

		assertThat(say("/alexa", "ask-sdk-relaunch.json"))
			.isEqualTo("Welcome back, Ben! This is your visit number 2. Say: start the quiz.");
	}

	@Test
	void answersOtherIntentsWithTheFallback() {
		assertThat(say("/alexa/ask-sdk", "help.json"))
			.isEqualTo("Sorry, I can't do that here. Say: my name is, and then your name. Or say: stop.");
	}

	@Test
	void refusesABodyThatIsNoRequestEnvelopeAndStoresNothing() {
		this.client.post().uri("/alexa/ask-sdk").contentType(MediaType.APPLICATION_JSON).body("{\"version\": ")
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").isEqualTo("The request body is not valid JSON of an Alexa request envelope.");
		assertThat(redis.server().dbSize()).isZero();
	}

	@Test
	void theApplicationsOwnJsonStaysJackson3(@Autowired RequestMappingHandlerAdapter adapter) {
		List<String> converters = adapter.getMessageConverters().stream()
			.map(HttpMessageConverter::getClass)
			.map(Class::getName)
			.toList();
		assertThat(converters).contains("org.springframework.http.converter.json.JacksonJsonHttpMessageConverter")
			.noneMatch((name) -> name.contains("Jackson2"));
	}

	private String say(String path, String file) {
		return post(path, file).at("/response/outputSpeech/" + (path.equals("/alexa") ? "text" : "ssml"))
			.asString()
			.replace("<speak>", "")
			.replace("</speak>", "");
	}

	private JsonNode post(String path, String file) {
		String body = this.client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(request(file))
			.exchange()
			.expectStatus().isOk()
			.returnResult(String.class)
			.getResponseBody();
		return this.json.readTree(body);
	}

	private static Map.Entry<String, Object> entry(String key, Object value) {
		return Map.entry(key, value);
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

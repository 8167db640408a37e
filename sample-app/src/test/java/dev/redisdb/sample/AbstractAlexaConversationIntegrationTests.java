package dev.redisdb.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample over HTTP against a real Redis, with the request files of {@code requests/}, asserting what Alexa says
 * and what Redis holds. Subclasses provide the Redis: a {@code redis-server} process or a container.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "jovo.redis.encryption.keys.dev=" + AbstractAlexaConversationIntegrationTests.KEY)
@AutoConfigureRestTestClient
@DirtiesContext
abstract class AbstractAlexaConversationIntegrationTests {

	static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	private static final String USER_HASH = HashingKeyStrategy.sha256Hex("amzn1.ask.account.AGF7SAMPLEUSER");

	private static final String USER_KEY = "myapp:user:" + USER_HASH;

	private static final String HISTORY_KEY = "myapp:history:" + USER_HASH;

	/** The user's index of its session keys: sessions are keyed by session id. */
	private static final String INDEX_KEY = "myapp:index:" + USER_HASH;

	private static final String SESSION_1_KEY = "myapp:session:amzn1.echo-api.session.4a1e0c2f-0001-4b8e-9c3a-5e8d2f1a7c01";

	private static final String SESSION_2_KEY = "myapp:session:amzn1.echo-api.session.4a1e0c2f-0002-4b8e-9c3a-5e8d2f1a7c02";

	private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private RestTestClient client;

	/**
	 * Runs commands on the app's Redis with a client of the test's own.
	 */
	abstract <T> T redis(Function<RedisCommands<String, String>, T> command);

	/** Runs commands on raw bytes: an encrypted value is not text. */
	abstract <T> T redisBytes(Function<RedisCommands<byte[], byte[]>, T> command);

	@BeforeEach
	void emptyRedis() {
		redis(RedisCommands::flushall);
	}

	@Test
	void answersInAlexaResponseFormat() {
		this.client.post().uri("/alexa").contentType(MediaType.APPLICATION_JSON).body(request("launch.json"))
			.exchange()
			.expectStatus().isOk()
			.expectBody().json("""
					{"version": "1.0",
					 "response": {
					   "outputSpeech": {"type": "PlainText", "text": "Welcome to the Redis quiz! Say: start the quiz. Or tell me your name: say, my name is, and then your name."},
					   "reprompt": {"outputSpeech": {"type": "PlainText", "text": "Say: start the quiz. Or tell me your name: say, my name is, and then your name."}},
					   "shouldEndSession": false}}
					""", JsonCompareMode.STRICT);
	}

	@Test
	void remembersTheUserAcrossSessionsAndTheQuizWithinOne() {
		assertThat(say("launch.json")).startsWith("Welcome to the Redis quiz!");
		assertThat(keys()).containsExactlyInAnyOrder(USER_KEY, SESSION_1_KEY, HISTORY_KEY, INDEX_KEY);
		assertThat(say("my-name-is.json")).isEqualTo("Nice to meet you, Anna! I will remember your name. Say: start the quiz.");
		assertThat(say("start-quiz.json")).isEqualTo("Here is the quiz: three questions, answer yes or no. "
				+ "Question 1: Does Redis keep its data in memory?");
		String second = say("answer-yes.json");
		assertThat(second).isEqualTo("Right! Question 2: Can a Redis string hold at most one kilobyte?");
		assertThat(say("repeat.json")).isEqualTo(second);
		assertThat(say("answer-no.json"))
			.isEqualTo("Right! Question 3: Can Redis delete a key by itself when its time to live runs out?");
		assertThat(stored(SESSION_1_KEY).at("/session/data").toString()).isEqualTo("{\"question\":3,\"score\":2}");
		assertThat(say("answer-no.json")).isEqualTo("Not quite: the answer is yes. You got 2 of 3 right. "
				+ "Say: start the quiz to play again, or say: stop.");
		AlexaResponse stop = post("stop.json");
		assertThat(stop.response().outputSpeech().text()).isEqualTo("Goodbye, Anna!");
		assertThat(stop.response().shouldEndSession()).isTrue();
		assertThat(post("session-ended.json").response().outputSpeech()).isNull();

		assertThat(say("relaunch.json")).isEqualTo("Welcome back, Anna! This is your visit number 2. Say: start the quiz.");

		assertThat(keys()).containsExactlyInAnyOrder(USER_KEY, SESSION_1_KEY, SESSION_2_KEY, HISTORY_KEY, INDEX_KEY);
		assertUserEntryIsEncrypted();
		assertThat(stored(SESSION_2_KEY).at("/session/id").asString())
			.isEqualTo("amzn1.echo-api.session.4a1e0c2f-0002-4b8e-9c3a-5e8d2f1a7c02");
		assertThat(stored(SESSION_2_KEY).at("/session/data").toString()).isEqualTo("{}");
		assertThat(stored(SESSION_2_KEY).at("/session/updatedAt").asString()).matches(TIMESTAMP);
		assertThat(stored(HISTORY_KEY).toString()).isEqualTo("{\"history\":{\"items\":[{\"output\":[{\"message\":"
				+ "\"Welcome back, Anna! This is your visit number 2. Say: start the quiz.\",\"reprompt\":"
				+ "\"Say: start the quiz. Or say: stop.\"}]}]}}");
		assertThat(ttl(USER_KEY)).isEqualTo(-1);
		assertThat(ttl(SESSION_2_KEY)).isBetween(1190L, 1200L);
		assertThat(ttl(HISTORY_KEY)).isBetween(1190L, 1200L);
	}

	@Test
	void bothHooksAreInEffectAndAVersion1UserEntryIsMigratedAsItIsRead() {
		redis((commands) -> commands.set(USER_KEY,
				"{\"user\":{\"data\":{\"count\":3,\"name\":\"Anna\"}},\"createdAt\":\"2025-01-01T10:00:00.000Z\"}"));

		assertThat(say("launch.json")).isEqualTo("Welcome back, Anna! This is your visit number 4. Say: start the quiz.");

		assertThat(keys()).as("the KeyStrategy bean: the user's keys by hash, the session by session id")
			.containsExactlyInAnyOrder(USER_KEY, SESSION_1_KEY, HISTORY_KEY, INDEX_KEY);
		ObjectNode user = decryptedUser();
		assertThat(user.at("/schemaVersion").asInt()).as("the ValueCodec bean's version").isEqualTo(2);
		assertThat(user.at("/user/data").toString()).isEqualTo("{\"name\":\"Anna\",\"visits\":4}");
		assertThat(user.at("/createdAt").asString()).isEqualTo("2025-01-01T10:00:00.000Z");
		assertThat(stored(SESSION_1_KEY).has(SchemaVersionCodec.VERSION_FIELD)).as("sessions expire: no version")
			.isFalse();
	}

	@Test
	void restartsTheQuizCleanlyAfterTheSessionExpired() {
		say("launch.json");
		say("start-quiz.json");
		assertThat(say("answer-yes.json")).startsWith("Right! Question 2");

		setSessionUpdatedAt(SESSION_1_KEY, Instant.now().minus(16, ChronoUnit.MINUTES));

		assertThat(say("answer-yes.json")).isEqualTo("There is no quiz running right now. Say: start the quiz.");
		assertThat(stored(SESSION_1_KEY).at("/session/data").toString()).isEqualTo("{}");
		assertThat(decryptedUser().at("/user/data/visits").asInt()).isEqualTo(2);
		assertThat(say("start-quiz.json")).endsWith("Question 1: Does Redis keep its data in memory?");
		assertThat(stored(SESSION_1_KEY).at("/session/data").toString()).isEqualTo("{\"question\":1,\"score\":0}");
	}

	@Test
	void repeatsNothingBeforeTheFirstAnswer() {
		assertThat(say("repeat.json")).startsWith("I have nothing to repeat yet.");
	}

	@Test
	void answersHelpAndUnknownIntents() {
		assertThat(say("help.json")).startsWith("This is a quiz of three questions about Redis");
		assertThat(say(request("help.json").replace("AMAZON.HelpIntent", "OrderPizzaIntent")))
			.isEqualTo("Sorry, I don't know that one. Say help to hear what you can say.");
		assertThat(post(request("stop.json").replace("AMAZON.StopIntent", "AMAZON.CancelIntent")).response()
			.shouldEndSession()).isTrue();
	}

	@Test
	void refusesMalformedJsonAndStoresNothing() {
		assertBadRequest("{\"version\": ", "The request body is not valid JSON of an Alexa request.");
		assertBadRequest("[]", "The request body is not valid JSON of an Alexa request.");
		assertThat(storedKeyCount()).isZero();
	}

	@Test
	void refusesARequestWithoutUserIdAndStoresNothing() {
		assertBadRequest(request("no-user-id.json"),
				"The request has no user id: expected context.System.user.userId or session.user.userId.");
		assertBadRequest("{\"context\": {\"System\": {\"user\": {\"userId\": \"u1\"}}}}", "The request has no request.type.");
		assertThat(storedKeyCount()).isZero();
	}

	@Test
	void takesTheUserIdFromTheSessionWhenTheContextHasNone() {
		say(request("launch.json").replaceFirst("\"context\"", "\"ignoredContext\""));

		assertThat(keys()).contains(USER_KEY);
	}

	@Test
	void failsTheTurnAndKeepsTheStoredValueWhenTheUserEntryWasTampered() {
		say("launch.json");
		byte[] tampered = rawBytes(USER_KEY);
		tampered[tampered.length - 1] ^= 1;
		redisBytes((commands) -> commands.set(bytes(USER_KEY), tampered));

		this.client.post().uri("/alexa").contentType(MediaType.APPLICATION_JSON).body(request("my-name-is.json"))
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);

		assertThat(rawBytes(USER_KEY)).isEqualTo(tampered);
	}

	private String say(String fileOrJson) {
		return post(fileOrJson).response().outputSpeech().text();
	}

	private AlexaResponse post(String fileOrJson) {
		String body = fileOrJson.endsWith(".json") ? request(fileOrJson) : fileOrJson;
		return this.client.post().uri("/alexa").contentType(MediaType.APPLICATION_JSON).body(body)
			.exchange()
			.expectStatus().isOk()
			.returnResult(AlexaResponse.class)
			.getResponseBody();
	}

	private void assertBadRequest(String body, String detail) {
		this.client.post().uri("/alexa").contentType(MediaType.APPLICATION_JSON).body(body)
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").isEqualTo(detail);
	}

	private void assertUserEntryIsEncrypted() {
		byte[] stored = rawBytes(USER_KEY);
		assertThat(stored[0] & 0xff).as("envelope magic byte").isEqualTo(0xA5);
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Anna")
			.doesNotContain(SchemaVersionCodec.VERSION_FIELD);
		ObjectNode user = decryptedUser();
		assertThat(user.at("/user/data").toString()).isEqualTo("{\"visits\":2,\"name\":\"Anna\"}");
		assertThat(user.at("/schemaVersion").asInt()).as("the sample's ValueCodec, under the encryption").isEqualTo(2);
		assertThat(user.at("/createdAt").asString()).matches(TIMESTAMP);
		assertThat(user.at("/updatedAt").asString()).matches(TIMESTAMP);
		assertThat(user.has("session")).isFalse();
	}

	/**
	 * Decrypts the stored user value by the envelope layout the README documents: 0xA5, version 1, key id length and
	 * key id, a 12-byte nonce, AES-GCM ciphertext and tag; the header and the Redis key are the associated data.
	 */
	private ObjectNode decryptedUser() {
		byte[] value = rawBytes(USER_KEY);
		assertThat(value[1]).as("envelope version").isEqualTo((byte) 1);
		int header = 3 + value[2];
		assertThat(new String(value, 3, value[2], StandardCharsets.US_ASCII)).as("key id").isEqualTo("dev");
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(KEY), "AES"),
					new GCMParameterSpec(128, value, header, 12));
			cipher.updateAAD(value, 0, header);
			cipher.updateAAD(bytes(USER_KEY));
			byte[] plaintext = cipher.doFinal(value, header + 12, value.length - header - 12);
			return (ObjectNode) this.json.readTree(new String(plaintext, StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new AssertionError("The user value does not decrypt with the test key", ex);
		}
	}

	private void setSessionUpdatedAt(String key, Instant updatedAt) {
		ObjectNode stored = stored(key);
		((ObjectNode) stored.get("session")).put("updatedAt", updatedAt.truncatedTo(ChronoUnit.MILLIS).toString());
		redis((commands) -> commands.set(key, stored.toString(), SetArgs.Builder.keepttl()));
	}

	private ObjectNode stored(String key) {
		return (ObjectNode) this.json.readTree(raw(key));
	}

	private byte[] rawBytes(String key) {
		return redisBytes((commands) -> commands.get(bytes(key)));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private String raw(String key) {
		return redis((commands) -> commands.get(key));
	}

	private long ttl(String key) {
		return redis((commands) -> commands.ttl(key));
	}

	private long storedKeyCount() {
		return redis((commands) -> commands.dbsize());
	}

	private List<String> keys() {
		return redis((commands) -> commands.keys("*"));
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

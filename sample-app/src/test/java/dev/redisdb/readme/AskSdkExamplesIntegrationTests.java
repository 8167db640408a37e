package dev.redisdb.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.amazon.ask.Skill;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.model.ui.SsmlOutputSpeech;
import com.amazon.ask.util.JacksonSerializer;
import dev.redisdb.RedisUserStore;
import dev.redisdb.autoconfigure.asksdk.RedisPersistenceAdapter;
import dev.redisdb.test.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's ASK SDK examples against a real redis-server, on the sample's request files.
 */
class AskSdkExamplesIntegrationTests {

	private static final String USER = "amzn1.ask.account.AGF7SAMPLEUSER";

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private final JacksonSerializer serializer = new JacksonSerializer();

	@Test
	void theSkillCountsVisitsInTheUsersData() {
		RedisUserStore store = store();
		Skill skill = new AskSdkExamples.SkillConfiguration().skill(new RedisPersistenceAdapter(store));

		assertThat(speech(skill, "launch.json")).isEqualTo("This is your visit number 1.");
		assertThat(speech(skill, "relaunch.json")).isEqualTo("This is your visit number 2.");

		assertThat(redis.server().get("myapp:user:" + USER)).startsWith("{\"user\":{\"data\":{\"visits\":2}},");
	}

	@Test
	void thePersonIdKeysTheAttributesWhenAlexaRecognizedTheSpeaker() {
		RedisUserStore store = store();
		Skill skill = new AskSdkExamples.SkillConfiguration().skill(
				new RedisPersistenceAdapter(store, new AskSdkExamples.SkillConfiguration().persistenceId()));

		speech(skill, "launch.json");
		String withPerson = request("launch.json").replace("\"device\": {",
				"\"person\": {\"personId\": \"amzn1.ask.person.ANNA\"},\n      \"device\": {");
		assertThat(speech(skill, this.serializer.deserialize(withPerson, RequestEnvelope.class)))
			.isEqualTo("This is your visit number 1.");

		assertThat(redis.server().exists("myapp:user:" + USER)).isTrue();
		assertThat(redis.server().exists("myapp:user:amzn1.ask.person.ANNA")).isTrue();
	}

	private String speech(Skill skill, String file) {
		return speech(skill, this.serializer.deserialize(request(file), RequestEnvelope.class));
	}

	private static String speech(Skill skill, RequestEnvelope envelope) {
		String ssml = ((SsmlOutputSpeech) skill.invoke(envelope).getResponse().getOutputSpeech()).getSsml();
		return ssml.replace("<speak>", "").replace("</speak>", "");
	}

	private static RedisUserStore store() {
		return ReadmeExamples.storeWithoutSpringBoot(redis.server().host(), redis.server().port());
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

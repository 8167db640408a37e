package dev.redisdb.autoconfigure.asksdk;

import java.util.Map;
import java.util.Optional;

import com.amazon.ask.Skill;
import com.amazon.ask.attributes.AttributesManager;
import com.amazon.ask.attributes.persistence.PersistenceAdapter;
import com.amazon.ask.builder.CustomSkillBuilder;
import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.LaunchRequest;
import com.amazon.ask.model.Response;
import com.amazon.ask.model.ResponseEnvelope;
import com.amazon.ask.model.SessionEndedRequest;
import com.amazon.ask.model.ui.SsmlOutputSpeech;

import static com.amazon.ask.request.Predicates.intentName;
import static com.amazon.ask.request.Predicates.requestType;

/**
 * A skill built as ASK SDK skills are, for the tests: a launch counts visits and greets by name, {@code
 * MyNameIsIntent} remembers the name, {@code ForgetMeIntent} deletes the persistent attributes, a session end does
 * nothing.
 */
final class VisitSkill {

	private VisitSkill() {
	}

	static Skill on(PersistenceAdapter adapter) {
		return new CustomSkillBuilder().addRequestHandlers(new Launch(), new MyNameIs(), new ForgetMe(), new SessionEnded())
			.withPersistenceAdapter(adapter)
			.build();
	}

	/** @return the plain text of the response's SSML speech */
	static String speech(ResponseEnvelope response) {
		String ssml = ((SsmlOutputSpeech) response.getResponse().getOutputSpeech()).getSsml();
		return ssml.replace("<speak>", "").replace("</speak>", "");
	}

	private static final class Launch implements RequestHandler {

		@Override
		public boolean canHandle(HandlerInput input) {
			return input.matches(requestType(LaunchRequest.class));
		}

		@Override
		public Optional<Response> handle(HandlerInput input) {
			AttributesManager attributesManager = input.getAttributesManager();
			Map<String, Object> attributes = attributesManager.getPersistentAttributes();
			int visits = ((Number) attributes.getOrDefault("visits", 0)).intValue() + 1;
			attributes.put("visits", visits);
			attributesManager.savePersistentAttributes();
			Object name = attributes.getOrDefault("name", "stranger");
			return input.getResponseBuilder().withSpeech("Hello " + name + ", visit " + visits).withReprompt("Hm?").build();
		}

	}

	private static final class MyNameIs implements RequestHandler {

		@Override
		public boolean canHandle(HandlerInput input) {
			return input.matches(intentName("MyNameIsIntent"));
		}

		@Override
		public Optional<Response> handle(HandlerInput input) {
			String name = ((IntentRequest) input.getRequestEnvelope().getRequest()).getIntent()
				.getSlots()
				.get("name")
				.getValue();
			AttributesManager attributesManager = input.getAttributesManager();
			attributesManager.getPersistentAttributes().put("name", name);
			attributesManager.savePersistentAttributes();
			return input.getResponseBuilder().withSpeech("Hi " + name).build();
		}

	}

	private static final class ForgetMe implements RequestHandler {

		@Override
		public boolean canHandle(HandlerInput input) {
			return input.matches(intentName("ForgetMeIntent"));
		}

		@Override
		public Optional<Response> handle(HandlerInput input) {
			input.getAttributesManager().deletePersistentAttributes();
			return input.getResponseBuilder().withSpeech("Forgotten").withShouldEndSession(true).build();
		}

	}

	private static final class SessionEnded implements RequestHandler {

		@Override
		public boolean canHandle(HandlerInput input) {
			return input.matches(requestType(SessionEndedRequest.class));
		}

		@Override
		public Optional<Response> handle(HandlerInput input) {
			return input.getResponseBuilder().build();
		}

	}

}

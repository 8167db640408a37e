package dev.redisdb.sample;

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
import com.amazon.ask.model.SessionEndedRequest;
import com.amazon.ask.model.Slot;

import static com.amazon.ask.request.Predicates.intentName;
import static com.amazon.ask.request.Predicates.requestType;

/**
 * The sample's skill written with Amazon's ASK SDK for Java, its persistent attributes in the store through the
 * starter's {@code RedisPersistenceAdapter}. They are the user data the {@link Conversation} of {@code /alexa} keeps,
 * under the same keys ({@code visits}, {@code name}), so both endpoints know the same users.
 */
final class AskSdkSkill {

	private static final String ASK_NAME = "Say: my name is, and then your name. Or say: stop.";

	private AskSdkSkill() {
	}

	static Skill create(PersistenceAdapter persistenceAdapter) {
		return new CustomSkillBuilder()
			.addRequestHandlers(new Launch(), new MyNameIs(), new Stop(), new SessionEnded(), new Fallback())
			.withPersistenceAdapter(persistenceAdapter)
			.build();
	}

	/** Counts the visit and greets by name. */
	private static final class Launch implements RequestHandler {

		@Override
		public boolean canHandle(HandlerInput input) {
			return input.matches(requestType(LaunchRequest.class));
		}

		@Override
		public Optional<Response> handle(HandlerInput input) {
			AttributesManager attributesManager = input.getAttributesManager();
			Map<String, Object> user = attributesManager.getPersistentAttributes();
			int visits = ((Number) user.getOrDefault("visits", 0)).intValue() + 1;
			user.put("visits", visits);
			attributesManager.savePersistentAttributes();
			Object name = user.get("name");
			String speech;
			if (visits <= 1 && name == null) {
				speech = "Welcome to the ASK SDK skill! Tell me your name: say, my name is, and then your name.";
			}
			else {
				speech = ((name != null) ? "Welcome back, " + name + "!" : "Welcome back!")
						+ " This is your visit number " + visits + ".";
			}
			return input.getResponseBuilder().withSpeech(speech).withReprompt(ASK_NAME).build();
		}

	}

	/** Remembers the name in the {@code name} slot. */
	private static final class MyNameIs implements RequestHandler {

		@Override
		public boolean canHandle(HandlerInput input) {
			return input.matches(intentName("MyNameIsIntent"));
		}

		@Override
		public Optional<Response> handle(HandlerInput input) {
			Map<String, Slot> slots = ((IntentRequest) input.getRequestEnvelope().getRequest()).getIntent().getSlots();
			Slot slot = (slots != null) ? slots.get("name") : null;
			String name = (slot != null && slot.getValue() != null) ? slot.getValue().strip() : "";
			if (name.isEmpty()) {
				return input.getResponseBuilder()
					.withSpeech("I didn't catch your name. " + ASK_NAME)
					.withReprompt(ASK_NAME)
					.build();
			}
			AttributesManager attributesManager = input.getAttributesManager();
			attributesManager.getPersistentAttributes().put("name", name);
			attributesManager.savePersistentAttributes();
			return input.getResponseBuilder()
				.withSpeech("Nice to meet you, " + name + "! I will remember your name.")
				.withReprompt("Say: stop.")
				.build();
		}

	}

	private static final class Stop implements RequestHandler {

		@Override
		public boolean canHandle(HandlerInput input) {
			return input.matches(intentName("AMAZON.StopIntent").or(intentName("AMAZON.CancelIntent")));
		}

		@Override
		public Optional<Response> handle(HandlerInput input) {
			Object name = input.getAttributesManager().getPersistentAttributes().get("name");
			return input.getResponseBuilder()
				.withSpeech((name != null) ? "Goodbye, " + name + "!" : "Goodbye!")
				.withShouldEndSession(true)
				.build();
		}

	}

	/** Alexa accepts no speech in answer to the end of a session. */
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

	/** Registered last: every other request. */
	private static final class Fallback implements RequestHandler {

		@Override
		public boolean canHandle(HandlerInput input) {
			return true;
		}

		@Override
		public Optional<Response> handle(HandlerInput input) {
			return input.getResponseBuilder()
				.withSpeech("Sorry, I can't do that here. " + ASK_NAME)
				.withReprompt(ASK_NAME)
				.build();
		}

	}

}

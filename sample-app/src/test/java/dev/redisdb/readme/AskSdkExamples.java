package dev.redisdb.readme;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.amazon.ask.Skill;
import com.amazon.ask.attributes.AttributesManager;
import com.amazon.ask.attributes.persistence.PersistenceAdapter;
import com.amazon.ask.builder.CustomSkillBuilder;
import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.LaunchRequest;
import com.amazon.ask.model.Person;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.model.Response;
import com.amazon.ask.request.Predicates;
import dev.redisdb.autoconfigure.asksdk.AskSdkIds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The README's ASK SDK examples, compiled and run by {@link AskSdkExamplesIntegrationTests}.
 */
final class AskSdkExamples {

	private AskSdkExamples() {
	}

	@Configuration(proxyBeanMethods = false)
	static class SkillConfiguration {

		// tag::ask-sdk-skill[]
    @Bean
    Skill skill(PersistenceAdapter persistenceAdapter) {   // the starter's RedisPersistenceAdapter
        return new CustomSkillBuilder()
                .addRequestHandlers(new LaunchHandler())
                .withPersistenceAdapter(persistenceAdapter)
                .build();
    }
		// end::ask-sdk-skill[]

		// tag::ask-sdk-person-id[]
    @Bean
    Function<RequestEnvelope, String> persistenceId() {
        // the recognized speaker's person id, else the account's user id
        Function<RequestEnvelope, String> userId = AskSdkIds.userId();
        return (envelope) -> Optional.ofNullable(envelope.getContext().getSystem().getPerson())
                .map(Person::getPersonId)
                .orElseGet(() -> userId.apply(envelope));
    }
		// end::ask-sdk-person-id[]

	}

	// tag::ask-sdk-handler[]
    static class LaunchHandler implements RequestHandler {

        @Override
        public boolean canHandle(HandlerInput input) {
            return input.matches(Predicates.requestType(LaunchRequest.class));
        }

        @Override
        public Optional<Response> handle(HandlerInput input) {
            AttributesManager attributesManager = input.getAttributesManager();
            Map<String, Object> user = attributesManager.getPersistentAttributes();   // the user's user.data
            int visits = ((Number) user.getOrDefault("visits", 0)).intValue() + 1;
            user.put("visits", visits);
            attributesManager.savePersistentAttributes();
            return input.getResponseBuilder().withSpeech("This is your visit number " + visits + ".").build();
        }

    }
	// end::ask-sdk-handler[]

}

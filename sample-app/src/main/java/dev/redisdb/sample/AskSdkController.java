package dev.redisdb.sample;

import com.amazon.ask.Skill;
import com.amazon.ask.attributes.persistence.PersistenceAdapter;
import com.amazon.ask.exception.AskSdkException;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.util.JacksonSerializer;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Alexa endpoint of the {@link AskSdkSkill}: the body is read into the ASK SDK's {@link RequestEnvelope} and the
 * answer written from its {@code ResponseEnvelope}, both with the SDK's own serializer (its model is made for its
 * Jackson 2 mapper; the application's Jackson 3 stays out of it).
 */
@RestController
public class AskSdkController {

	private final JacksonSerializer serializer = new JacksonSerializer();

	private final Skill skill;

	/**
	 * @param persistenceAdapter the starter's adapter (or the application's own {@link PersistenceAdapter} bean)
	 */
	public AskSdkController(PersistenceAdapter persistenceAdapter) {
		this.skill = AskSdkSkill.create(persistenceAdapter);
	}

	/**
	 * Answers one Alexa request.
	 * @param body the request envelope as JSON
	 * @return the response envelope as JSON
	 */
	@PostMapping(path = "/alexa/ask-sdk", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	public String answer(@RequestBody String body) {
		RequestEnvelope envelope;
		try {
			envelope = this.serializer.deserialize(body, RequestEnvelope.class);
		}
		catch (AskSdkException ex) {
			throw new UnreadableEnvelopeException();
		}
		return this.serializer.serialize(this.skill.invoke(envelope));
	}

	@ExceptionHandler(UnreadableEnvelopeException.class)
	ProblemDetail unreadable() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON of an Alexa request envelope.");
	}

	/** Thrown for a body the ASK SDK cannot read as a request envelope. */
	static class UnreadableEnvelopeException extends RuntimeException {

	}

}

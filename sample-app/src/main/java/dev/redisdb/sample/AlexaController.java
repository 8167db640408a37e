package dev.redisdb.sample;

import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredUser;
import dev.redisdb.TurnContext;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Alexa endpoint. One turn: load the user's data with one {@link RedisUserStore#load}, let the
 * {@link Conversation} answer and change it, write it back with one {@link RedisUserStore#save}.
 */
@RestController
public class AlexaController {

	private final RedisUserStore store;

	private final Conversation conversation = new Conversation();

	public AlexaController(RedisUserStore store) {
		this.store = store;
	}

	/**
	 * Answers one Alexa request.
	 * @param request the request body
	 * @return the Alexa response
	 * @throws InvalidAlexaRequestException when the request has no user id or no request type; nothing is stored
	 */
	@PostMapping(path = "/alexa", consumes = MediaType.APPLICATION_JSON_VALUE)
	public AlexaResponse answer(@RequestBody AlexaRequest request) {
		String userId = request.userId();
		if (userId == null) {
			throw new InvalidAlexaRequestException(
					"The request has no user id: expected context.System.user.userId or session.user.userId.");
		}
		if (request.request() == null || request.request().type() == null) {
			throw new InvalidAlexaRequestException("The request has no request.type.");
		}
		StoredUser user = this.store.load(userId, TurnContext.ofSession(request.sessionId()));
		Reply reply = this.conversation.reply(request.request(), user);
		this.store.save(user);
		return AlexaResponse.of(reply);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON of an Alexa request.");
	}

	@ExceptionHandler(InvalidAlexaRequestException.class)
	ProblemDetail invalid(InvalidAlexaRequestException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	/** Thrown for a request body that is JSON but lacks what every Alexa request has. */
	static class InvalidAlexaRequestException extends RuntimeException {

		InvalidAlexaRequestException(String message) {
			super(message);
		}

	}

}

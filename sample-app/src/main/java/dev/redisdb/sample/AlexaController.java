package dev.redisdb.sample;

import java.util.concurrent.atomic.AtomicReference;

import dev.redisdb.RedisDbDataException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import dev.redisdb.RedisUserStore;
import dev.redisdb.TurnContext;

import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Alexa endpoint. One turn is one conflict-safe {@link RedisUserStore#update}: the {@link Conversation} answers
 * and changes the loaded user, and the change is saved only if no other request of the same user saved in between
 * (otherwise the turn runs again on fresh data), so concurrent requests of one user lose no visit.
 */
@RestController
public class AlexaController {

	private static final Log logger = LogFactory.getLog(AlexaController.class);

	static final Reply UNAVAILABLE = Reply.ask("Sorry, I can't reach my memory right now, please try again.",
			"Please try again.");

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
		AtomicReference<Reply> reply = new AtomicReference<>();
		this.store.update(userId, TurnContext.ofSession(request.sessionId()),
				(user) -> reply.set(this.conversation.reply(request.request(), user)));
		return AlexaResponse.of(reply.get());
	}

	/** Redis is down, slow, or the user is too busy: a voice app still answers, and Alexa plays it. */
	@ExceptionHandler(TransientDataAccessException.class)
	AlexaResponse unavailable() {
		return AlexaResponse.of(UNAVAILABLE);
	}

	/**
	 * A stored value that cannot be read is the skill's problem, not the caller's: a server error that says no more
	 * (the store's message, which names the key, is in the log).
	 */
	@ExceptionHandler(RedisDbDataException.class)
	ProblemDetail unreadableData(RedisDbDataException ex) {
		logger.error(ex.getMessage());
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The skill cannot read this user's stored data.");
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

	/** The store refuses a user id, a session id or a value: its message names the problem, not the data. */
	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail refused(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(PermissionDeniedDataAccessException.class)
	ProblemDetail anotherUsersSession() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"The request's session belongs to another user.");
	}

	/** Thrown for a request body that is JSON but lacks what every Alexa request has. */
	static class InvalidAlexaRequestException extends RuntimeException {

		InvalidAlexaRequestException(String message) {
			super(message);
		}

	}

}

package dev.redisdb.sample;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The parts of an Alexa Skills Kit request body that the sample reads; everything else is ignored.
 *
 * @param session the session, absent for requests outside a session
 * @param context the device context, which carries the user id in {@code System.user}
 * @param request the request itself: its type and, for an {@code IntentRequest}, the intent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlexaRequest(Session session, Context context, Request request) {

	/** @return the user id from {@code context.System.user}, else from {@code session.user}; null when neither has one */
	public String userId() {
		if (this.context != null && this.context.system() != null && this.context.system().user() != null
				&& hasText(this.context.system().user().userId())) {
			return this.context.system().user().userId();
		}
		if (this.session != null && this.session.user() != null && hasText(this.session.user().userId())) {
			return this.session.user().userId();
		}
		return null;
	}

	/** @return the session id, or null for a request outside a session */
	public String sessionId() {
		return (this.session != null && hasText(this.session.sessionId())) ? this.session.sessionId() : null;
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	/**
	 * An Alexa session.
	 *
	 * @param sessionId the session id
	 * @param user the user
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Session(String sessionId, User user) {
	}

	/**
	 * The device context.
	 *
	 * @param system the {@code System} object
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Context(@JsonProperty("System") SystemState system) {
	}

	/**
	 * The {@code System} object of the context.
	 *
	 * @param user the user
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record SystemState(User user) {
	}

	/**
	 * An Alexa user.
	 *
	 * @param userId the user id, stable per skill and account
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record User(String userId) {
	}

	/**
	 * The request of one turn.
	 *
	 * @param type {@code LaunchRequest}, {@code IntentRequest}, {@code SessionEndedRequest} or another type
	 * @param intent the intent of an {@code IntentRequest}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Request(String type, Intent intent) {
	}

	/**
	 * An intent with its slots.
	 *
	 * @param name the intent name, such as {@code MyNameIsIntent} or {@code AMAZON.HelpIntent}
	 * @param slots the slots by name
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Intent(String name, Map<String, Slot> slots) {

		/**
		 * @param name the slot name
		 * @return the slot's value, or null when the slot is missing or not filled
		 */
		public String slotValue(String name) {
			Slot slot = (this.slots != null) ? this.slots.get(name) : null;
			return (slot != null && hasText(slot.value())) ? slot.value().strip() : null;
		}

	}

	/**
	 * A slot of an intent.
	 *
	 * @param name the slot name
	 * @param value what the user said, absent when the slot was not filled
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Slot(String name, String value) {
	}

}

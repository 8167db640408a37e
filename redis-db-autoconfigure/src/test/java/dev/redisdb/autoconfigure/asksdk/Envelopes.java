package dev.redisdb.autoconfigure.asksdk;

import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.util.JacksonSerializer;

/**
 * Alexa request envelopes as Alexa sends them (JSON), read with the ASK SDK's own serializer.
 */
final class Envelopes {

	static final String SKILL_ID = "amzn1.ask.skill.0b1c2d3e-test";

	private static final JacksonSerializer serializer = new JacksonSerializer();

	private Envelopes() {
	}

	static RequestEnvelope launch(String userId, String deviceId, String sessionId) {
		return envelope(userId, deviceId, sessionId, """
				{"type": "LaunchRequest", "requestId": "amzn1.echo-api.request.1", "timestamp": "2026-01-01T10:00:00Z",
				 "locale": "en-US"}""");
	}

	static RequestEnvelope myNameIs(String userId, String deviceId, String sessionId, String name) {
		return envelope(userId, deviceId, sessionId, """
				{"type": "IntentRequest", "requestId": "amzn1.echo-api.request.2", "timestamp": "2026-01-01T10:01:00Z",
				 "locale": "en-US", "dialogState": "COMPLETED",
				 "intent": {"name": "MyNameIsIntent", "confirmationStatus": "NONE",
				            "slots": {"name": {"name": "name", "value": "%s", "confirmationStatus": "NONE"}}}}"""
			.formatted(name));
	}

	static RequestEnvelope intent(String userId, String deviceId, String sessionId, String intent) {
		return envelope(userId, deviceId, sessionId, """
				{"type": "IntentRequest", "requestId": "amzn1.echo-api.request.3", "timestamp": "2026-01-01T10:02:00Z",
				 "locale": "en-US", "intent": {"name": "%s", "confirmationStatus": "NONE"}}""".formatted(intent));
	}

	static RequestEnvelope sessionEnded(String userId, String deviceId, String sessionId) {
		return envelope(userId, deviceId, sessionId, """
				{"type": "SessionEndedRequest", "requestId": "amzn1.echo-api.request.4",
				 "timestamp": "2026-01-01T10:03:00Z", "locale": "en-US", "reason": "USER_INITIATED"}""");
	}

	/** An envelope whose {@code context.System} has neither user nor device. */
	static RequestEnvelope withoutIds() {
		return serializer.deserialize("""
				{"version": "1.0",
				 "context": {"System": {"application": {"applicationId": "%s"}, "apiEndpoint": "https://api.amazonalexa.com"}},
				 "request": {"type": "LaunchRequest", "requestId": "amzn1.echo-api.request.5",
				             "timestamp": "2026-01-01T10:04:00Z", "locale": "en-US"}}""".formatted(SKILL_ID),
				RequestEnvelope.class);
	}

	private static RequestEnvelope envelope(String userId, String deviceId, String sessionId, String request) {
		return serializer.deserialize("""
				{"version": "1.0",
				 "session": {"new": false, "sessionId": "%s", "application": {"applicationId": "%s"},
				             "user": {"userId": "%s"}},
				 "context": {"System": {"application": {"applicationId": "%s"}, "user": {"userId": "%s"},
				                        "device": {"deviceId": "%s", "supportedInterfaces": {}},
				                        "apiEndpoint": "https://api.amazonalexa.com"}},
				 "request": %s}""".formatted(sessionId, SKILL_ID, userId, SKILL_ID, userId, deviceId, request),
				RequestEnvelope.class);
	}

}

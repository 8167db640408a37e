package dev.redisdb.sample;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An Alexa Skills Kit response body with plain-text speech.
 *
 * @param version always {@code 1.0}
 * @param response what Alexa says and whether the session ends
 */
public record AlexaResponse(String version, Body response) {

	private static final String VERSION = "1.0";

	/**
	 * @param reply what the skill answers
	 * @return the response that speaks it, or an empty response when the reply is silent
	 */
	static AlexaResponse of(Reply reply) {
		if (reply.speech() == null) {
			return new AlexaResponse(VERSION, new Body(null, null, null));
		}
		Reprompt reprompt = (reply.reprompt() != null) ? new Reprompt(OutputSpeech.plainText(reply.reprompt())) : null;
		return new AlexaResponse(VERSION,
				new Body(OutputSpeech.plainText(reply.speech()), reprompt, reply.endsSession()));
	}

	/**
	 * The {@code response} object.
	 *
	 * @param outputSpeech what Alexa says
	 * @param reprompt what Alexa says when the user stays silent
	 * @param shouldEndSession whether the session ends after this answer
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Body(OutputSpeech outputSpeech, Reprompt reprompt, Boolean shouldEndSession) {
	}

	/**
	 * Speech, as plain text.
	 *
	 * @param type always {@code PlainText}
	 * @param text the words to say
	 */
	public record OutputSpeech(String type, String text) {

		static OutputSpeech plainText(String text) {
			return new OutputSpeech("PlainText", text);
		}

	}

	/**
	 * The reprompt object.
	 *
	 * @param outputSpeech what Alexa says when the user stays silent
	 */
	public record Reprompt(OutputSpeech outputSpeech) {
	}

}

package dev.redisdb.sample;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the skill answers in one turn, independent of the platform.
 *
 * @param speech what to say; null for no answer (a {@code SessionEndedRequest})
 * @param reprompt what to say when the user stays silent; null when the session ends
 * @param endsSession whether the session ends after this answer
 */
record Reply(String speech, String reprompt, boolean endsSession) {

	static final Reply SILENT = new Reply(null, null, true);

	static Reply ask(String speech, String reprompt) {
		return new Reply(speech, reprompt, false);
	}

	static Reply tell(String speech) {
		return new Reply(speech, null, true);
	}

	/** @return the reply as one item of a Jovo history {@code output} list: {@code {message, reprompt}} */
	Map<String, Object> toOutput() {
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("message", this.speech);
		if (this.reprompt != null) {
			output.put("reprompt", this.reprompt);
		}
		return output;
	}

	/**
	 * @param output an item written by {@link #toOutput()}
	 * @return the reply it holds, asking again (a repeated answer never ends the session)
	 */
	static Reply fromOutput(Map<?, ?> output) {
		Object reprompt = output.get("reprompt");
		return ask(String.valueOf(output.get("message")), (reprompt != null) ? reprompt.toString() : null);
	}

}

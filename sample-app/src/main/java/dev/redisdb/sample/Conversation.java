package dev.redisdb.sample;

import java.util.List;
import java.util.Map;

import dev.redisdb.DataMap;
import dev.redisdb.StoredUser;

/**
 * What the skill says to each request, and what it remembers: the visit count and the name in user data (kept for
 * good), the quiz in session data (gone when the session expires), the last answer in the history (for "repeat").
 */
final class Conversation {

	private static final List<Question> QUIZ = List.of(
			new Question("Does Redis keep its data in memory?", true),
			new Question("Can a Redis string hold at most one kilobyte?", false),
			new Question("Can Redis delete a key by itself when its time to live runs out?", true));

	private static final String MENU = "Say: start the quiz. Or tell me your name: say, my name is, and then your name.";

	Reply reply(AlexaRequest.Request request, StoredUser user) {
		boolean sessionEnded = "SessionEndedRequest".equals(request.type());
		if (user.session().isNew() && !sessionEnded) {
			user.data().put("visits", user.data().get("visits", Integer.class, 0) + 1);
		}
		Reply reply;
		if ("LaunchRequest".equals(request.type())) {
			reply = welcome(user);
		}
		else if ("IntentRequest".equals(request.type()) && request.intent() != null) {
			reply = intent(request.intent(), user);
		}
		else if (sessionEnded) {
			user.session().data().clear();
			reply = Reply.SILENT;
		}
		else {
			reply = Reply.ask("Sorry, I can't handle that here. Say help to hear what you can say.", MENU);
		}
		if (reply.speech() != null) {
			user.currentTurn().put("output", List.of(reply.toOutput()));
		}
		return reply;
	}

	private Reply intent(AlexaRequest.Intent intent, StoredUser user) {
		String name = (intent.name() != null) ? intent.name() : "";
		return switch (name) {
			case "MyNameIsIntent" -> rememberName(intent.slotValue("name"), user);
			case "StartQuizIntent" -> startQuiz(user.session().data());
			case "AMAZON.YesIntent" -> answer(true, user.session().data());
			case "AMAZON.NoIntent" -> answer(false, user.session().data());
			case "AMAZON.RepeatIntent" -> repeat(user);
			case "AMAZON.HelpIntent" -> Reply.ask("This is a quiz of three questions about Redis, answered with yes "
					+ "or no. I remember your name and how often you came by. You can also say: repeat. " + MENU,
					MENU);
			case "AMAZON.StopIntent", "AMAZON.CancelIntent" -> stop(user);
			default -> Reply.ask("Sorry, I don't know that one. Say help to hear what you can say.", MENU);
		};
	}

	private Reply welcome(StoredUser user) {
		int visits = user.data().get("visits", Integer.class, 0);
		Object name = user.data().get("name");
		if (visits <= 1 && name == null) {
			return Reply.ask("Welcome to the Redis quiz! " + MENU, MENU);
		}
		String greeting = (name != null) ? "Welcome back, " + name + "!" : "Welcome back!";
		return Reply.ask(greeting + " This is your visit number " + visits + ". Say: start the quiz.",
				"Say: start the quiz. Or say: stop.");
	}

	private Reply rememberName(String name, StoredUser user) {
		if (name == null) {
			return Reply.ask("I didn't catch your name. Say: my name is, and then your name.",
					"Say: my name is, and then your name.");
		}
		user.data().put("name", name);
		return Reply.ask("Nice to meet you, " + name + "! I will remember your name. Say: start the quiz.",
				"Say: start the quiz.");
	}

	private Reply startQuiz(DataMap session) {
		session.put("question", 1);
		session.put("score", 0);
		return ask(1, "Here is the quiz: three questions, answer yes or no.");
	}

	private Reply answer(boolean yes, DataMap session) {
		int asked = session.get("question", Integer.class, 0);
		if (asked < 1 || asked > QUIZ.size()) {
			return Reply.ask("There is no quiz running right now. Say: start the quiz.", "Say: start the quiz.");
		}
		boolean right = QUIZ.get(asked - 1).answer() == yes;
		int score = session.get("score", Integer.class, 0) + (right ? 1 : 0);
		String verdict = right ? "Right!" : "Not quite: the answer is " + (yes ? "no." : "yes.");
		if (asked == QUIZ.size()) {
			session.remove("question");
			session.remove("score");
			return Reply.ask(verdict + " You got " + score + " of " + QUIZ.size() + " right. Say: start the quiz to "
					+ "play again, or say: stop.", "Say: start the quiz, or say: stop.");
		}
		session.put("question", asked + 1);
		session.put("score", score);
		return ask(asked + 1, verdict);
	}

	private Reply repeat(StoredUser user) {
		if (!user.history().isEmpty() && user.history().get(0) != null
				&& user.history().get(0).get("output") instanceof List<?> output
				&& !output.isEmpty() && output.get(0) instanceof Map<?, ?> last) {
			return Reply.fromOutput(last);
		}
		return Reply.ask("I have nothing to repeat yet. " + MENU, MENU);
	}

	private Reply stop(StoredUser user) {
		user.session().data().clear();
		Object name = user.data().get("name");
		return Reply.tell((name != null) ? "Goodbye, " + name + "!" : "Goodbye!");
	}

	private static Reply ask(int number, String before) {
		String question = "Question " + number + ": " + QUIZ.get(number - 1).text();
		return Reply.ask(before + " " + question, question + " Answer yes or no.");
	}

	private record Question(String text, boolean answer) {
	}

}

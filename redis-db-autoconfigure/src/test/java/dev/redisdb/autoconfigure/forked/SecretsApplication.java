package dev.redisdb.autoconfigure.forked;

import java.io.IOException;

import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredUser;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A minimal web app on the starter, run by {@link ForkedApplication} in a JVM of its own, so that nothing was loaded
 * or configured before it starts: one endpoint stores {@link #MARKER} through the store (its own connection when
 * {@code jovo.redis.connection-string} is set) and through the application's {@code StringRedisTemplate}, and reads
 * both back. The marker never travels over HTTP or the command line, so only Redis traffic can carry it into a log.
 * It prints {@code READY port=<port> logging=<logging system>} once it serves and stops when its standard input
 * closes.
 */
@SpringBootApplication
public class SecretsApplication {

	/** Stored in user data and under an application key; must never appear in a log line. */
	public static final String MARKER = "Stored-Value-Marker-7f3a";

	public static void main(String[] args) throws IOException {
		ConfigurableApplicationContext context = SpringApplication.run(SecretsApplication.class, args);
		System.out.println("READY port=" + context.getEnvironment().getProperty("local.server.port") + " logging="
				+ LoggingSystem.get(SecretsApplication.class.getClassLoader()).getClass().getSimpleName());
		System.out.flush();
		while (System.in.read() != -1) {
			// runs until the test closes standard input
		}
		context.close();
	}

	@RestController
	static class TurnController {

		private final RedisUserStore store;

		private final StringRedisTemplate template;

		TurnController(RedisUserStore store, StringRedisTemplate template) {
			this.store = store;
			this.template = template;
		}

		@PostMapping("/turn")
		String turn() {
			StoredUser user = this.store.load("user-1");
			user.data().put("marker", MARKER);
			this.store.save(user);
			this.template.opsForValue().set("app:marker", MARKER);
			boolean readBack = MARKER.equals(this.store.load("user-1").data().get("marker", String.class))
					&& MARKER.equals(this.template.opsForValue().get("app:marker"));
			return readBack ? "stored" : "lost";
		}

	}

}

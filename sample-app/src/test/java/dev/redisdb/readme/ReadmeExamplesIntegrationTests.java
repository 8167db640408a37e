package dev.redisdb.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

import dev.redisdb.Entry;
import dev.redisdb.KeyStrategy;
import dev.redisdb.RedisDbConflictException;
import dev.redisdb.RedisDbDataException;
import dev.redisdb.RedisDbUnavailableException;
import dev.redisdb.RedisUserStore;
import dev.redisdb.StoreOptions;
import dev.redisdb.StoredUser;
import dev.redisdb.TurnContext;
import dev.redisdb.ValueCodec;
import dev.redisdb.ValueTransform;
import dev.redisdb.autoconfigure.RedisDbAutoConfiguration;
import dev.redisdb.readme.ReadmeExamples.CustomizerBeans;
import dev.redisdb.readme.ReadmeExamples.HookBeans;
import dev.redisdb.test.RedisServer;
import dev.redisdb.test.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Every Java example in the README is quoted from a tagged region of the sources beside this test or of the sample's
 * tests (the README's tests of an app), so it compiles against the current API; each one runs against a real Redis,
 * here or as a test of its own.
 */
class ReadmeExamplesIntegrationTests {

	private static final Path README = Path.of("..", "README.md");

	/** Where the examples are: here, and the sample's own tests for the README's tests of an app. */
	private static final List<Path> EXAMPLES = List.of(Path.of("src", "test", "java", "dev", "redisdb", "readme"),
			Path.of("src", "test", "java", "dev", "redisdb", "sample"));

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	@Test
	void everyJavaBlockOfTheReadmeIsCompiledCode() throws IOException {
		List<String> regions = taggedRegions();
		List<String> blocks = javaBlocks(Files.readString(README));
		assertThat(blocks).isNotEmpty();
		assertThat(blocks).allSatisfy((block) -> assertThat(regions).as("a tagged region quoted by the README")
			.anySatisfy((region) -> assertThat(region).isEqualTo(block)));
	}

	@Test
	void theTurnControllerGreetsANewUserThenCountsVisits() {
		RedisUserStore store = store();
		TurnController controller = new TurnController(store);
		assertThat(controller.turn(new TurnController.TurnRequest("U", "S1"))).containsEntry("speech", "Welcome!");
		assertThat(controller.turn(new TurnController.TurnRequest("U", "S1")))
			.containsEntry("speech", "Welcome back, visit 2.");
		assertThat(redis.server().get("myapp:session:U")).contains("\"step\":\"asked-name\"");
	}

	@Test
	void typedDataReadsAndWritesTheAppsRecord() {
		RedisUserStore store = store();
		redis.server().call((commands) -> commands.set("myapp:user:U",
				"{\"user\":{\"data\":{\"name\":\"Ann\",\"visits\":3,\"interests\":[\"jazz\"]}}}"));
		StoredUser user = store.load("U");
		assertThat(ReadmeExamples.greet(user)).isEqualTo("Hello Ann");
		store.save(user);
		assertThat(store.load("U").data()).containsEntry("visits", 4).containsEntry("interests", List.of("jazz"));
	}

	@Test
	void updateCountsAVisitWithoutLosingOne() throws Exception {
		RedisUserStore store = store();
		List<Thread> threads = new ArrayList<>();
		List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
		for (int i = 0; i < 8; i++) {
			Thread thread = new Thread(() -> {
				for (int visit = 0; visit < 10; visit++) {
					countVisitUntilItSticks(store);
				}
			});
			thread.setUncaughtExceptionHandler((failed, failure) -> failures.add(failure));
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(failures).isEmpty();
		assertThat(store.load("U").data()).containsEntry("visits", 80);
	}

	/**
	 * After {@code update-attempts} conflicts {@code update} gives up without writing anything, as documented; a
	 * busy machine gets there with eight threads on one user. The caller tries again, and no visit may be lost.
	 */
	private static void countVisitUntilItSticks(RedisUserStore store) {
		while (true) {
			try {
				ReadmeExamples.countVisit(store, "U", "S1");
				return;
			}
			catch (RedisDbConflictException ex) {
				// nothing was written: count it again
			}
		}
	}

	@Test
	void anIdempotentUpdateRetriedAfterATimeoutCountsOnce() {
		RedisUserStore store = store();
		store.save(store.load("U"));
		pauseWrites(Duration.ofMillis(3500));
		assertThatExceptionOfType(RedisDbUnavailableException.class)
			.isThrownBy(() -> ReadmeExamples.countVisitOnce(store, "U", "request-1"))
			.satisfies((ex) -> assertThat(ex.mayHaveBeenApplied()).isTrue());
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
			ReadmeExamples.countVisitOnce(store, "U", "request-1");
			assertThat(store.load("U").data()).containsEntry("visits", 1);
		});
		ReadmeExamples.countVisitOnce(store, "U", "request-2");
		assertThat(store.load("U").data()).containsEntry("visits", 2);
	}

	@Test
	void aTransientFailureIsAnsweredWithSpeech() {
		RedisServer doomed = RedisServer.start();
		try {
			RedisUserStore store = ReadmeExamples.storeWithoutSpringBoot(doomed.host(), doomed.port());
			assertThat(ReadmeExamples.answer(store, "U")).isEqualTo("Welcome back, visit 0.");
			doomed.kill();
			long start = System.nanoTime();
			assertThat(ReadmeExamples.answer(store, "U"))
				.isEqualTo("Sorry, I can't reach my memory right now. Please try again.");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("within the command timeout, 2 s")
				.isLessThan(Duration.ofSeconds(3));
		}
		finally {
			doomed.close();
		}
	}

	@Test
	void theKeyStrategyBeanHidesUserIds() {
		KeyStrategy keys = new HookBeans().keyStrategy();
		assertThat(keys.createKey("U", Entry.everything("user"), StoreOptions.builder().keyPrefix("myapp").build(),
				TurnContext.none())).isEqualTo("myapp:user:" + ReadmeExamples.sha256Hex("U"));
	}

	@Test
	void theValueCodecBeanEncryptsTheUserEntryBoundToItsKey() {
		SecretKey key = new SecretKeySpec(new byte[32], "AES");
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(redis.server().host(), redis.server().port()),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
		factory.afterPropertiesSet();
		factory.start();
		try {
			RedisUserStore store = new RedisUserStore(RedisUserStore.template(factory), StoreOptions.defaults()
				.toBuilder()
				.entries(Entry.everything("user"))
				.build(), KeyStrategy.jovo(), new HookBeans().valueCodec(key));
			StoredUser ann = store.load("ann");
			ann.data().put("name", "Ann");
			store.save(ann);
			assertThat(redis.server().get("user:ann")).doesNotContain("Ann");
			assertThat(store.load("ann").data()).containsEntry("name", "Ann");

			redis.server().call((commands) -> commands.copy("user:ann", "user:bob"));
			assertThatExceptionOfType(RedisDbDataException.class).isThrownBy(() -> store.load("bob"))
				.withMessageStartingWith("Cannot decode entry 'user' stored at key 'user:bob'");
		}
		finally {
			factory.destroy();
		}
	}

	@Test
	void theCustomizersChangeOneOptionAndSignTheUserEntryWhileThePropertiesStillApply() {
		byte[] mark = "signed:".getBytes(StandardCharsets.US_ASCII);
		ValueTransform signature = ValueTransform.of((entry, value) -> {
			byte[] signed = Arrays.copyOf(mark, mark.length + value.length);
			System.arraycopy(value, 0, signed, mark.length, value.length);
			return signed;
		}, (entry, stored) -> Arrays.copyOfRange(stored, mark.length, stored.length));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class))
			.withUserConfiguration(CustomizerBeans.class)
			.withBean(ValueTransform.class, () -> signature)
			.withPropertyValues("spring.data.redis.host=" + redis.server().host(),
					"spring.data.redis.port=" + redis.server().port(), "jovo.redis.key-prefix=myapp",
					"jovo.redis.entries[0].id=user", "jovo.redis.entries[0].user=true",
					"jovo.redis.entries[1].id=times", "jovo.redis.entries[1].created-at=true",
					"jovo.redis.entries[1].updated-at=true")
			.run((context) -> {
				RedisUserStore store = context.getBean(RedisUserStore.class);
				assertThat(store.options().updateAttempts()).isEqualTo(20);
				StoredUser ann = store.load("ann");
				ann.data().put("name", "Ann");
				store.save(ann);
				assertThat(redis.server().get("myapp:user:ann")).startsWith("signed:{\"user\"");
				assertThat(redis.server().get("myapp:times:ann")).startsWith("{\"createdAt\"");
				assertThat(store.load("ann").data()).containsEntry("name", "Ann");
			});
	}

	private static void pauseWrites(Duration duration) {
		redis.server().call((commands) -> commands.dispatch(CommandType.CLIENT, new StatusOutput<>(StringCodec.UTF8),
				new CommandArgs<>(StringCodec.UTF8).add("PAUSE").add(duration.toMillis()).add("WRITE")));
	}

	private static RedisUserStore store() {
		return ReadmeExamples.storeWithoutSpringBoot(redis.server().host(), redis.server().port());
	}

	private static List<String> taggedRegions() throws IOException {
		Pattern region = Pattern.compile("// tag::[a-z-]+\\[]\\n(.*?)\\n[ \\t]*// end::", Pattern.DOTALL);
		List<String> regions = new ArrayList<>();
		for (Path examples : EXAMPLES) {
			try (Stream<Path> sources = Files.list(examples)) {
				for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
					Matcher matcher = region.matcher(Files.readString(source));
					while (matcher.find()) {
						regions.add(normalize(matcher.group(1)));
					}
				}
			}
		}
		return regions;
	}

	private static List<String> javaBlocks(String markdown) {
		Matcher matcher = Pattern.compile("```java\\n(.*?)\\n```", Pattern.DOTALL).matcher(markdown);
		List<String> blocks = new ArrayList<>();
		while (matcher.find()) {
			blocks.add(normalize(matcher.group(1)));
		}
		return blocks;
	}

	/** Without the common indentation and trailing spaces. */
	private static String normalize(String code) {
		List<String> lines = code.replace("\t", "    ").lines().map(String::stripTrailing).toList();
		int indent = lines.stream()
			.filter((line) -> !line.isBlank())
			.mapToInt((line) -> line.length() - line.stripLeading().length())
			.min()
			.orElse(0);
		return String.join("\n", lines.stream().map((line) -> line.isBlank() ? "" : line.substring(indent)).toList());
	}


}

package dev.redisdb.autoconfigure.forked;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link SecretsApplication} in a JVM of its own (nothing loaded or configured before it), with the test classpath,
 * the given environment variables and arguments; everything it prints is kept for the test to search. Stopped by its
 * own process handle.
 */
public final class ForkedApplication implements AutoCloseable {

	private static final Pattern READY = Pattern.compile("READY port=(\\d+)");

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private final Process process;

	private final StringBuffer output = new StringBuffer();

	private final Thread reader;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private int port;

	private ForkedApplication(Process process) {
		this.process = process;
		this.reader = new Thread(this::readOutput, "forked-application-output");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/**
	 * @param environment environment variables added to the test's own
	 * @param arguments the application's arguments, such as {@code --logging.level.io.lettuce=TRACE}
	 * @param classpath the classpath, the test's own when null
	 * @return the application, serving
	 */
	public static ForkedApplication start(Map<String, String> environment, List<String> arguments,
			List<String> classpath) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xshare:auto");
		command.add("-cp");
		command.add(String.join(java.io.File.pathSeparator, classpath));
		command.add(SecretsApplication.class.getName());
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		try {
			ForkedApplication application = new ForkedApplication(builder.start());
			application.awaitReady();
			return application;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** @return the test JVM's classpath, entry by entry: Logback logs */
	public static List<String> testClasspath() {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return List.of(classpath.split(java.io.File.pathSeparator));
	}

	/**
	 * @return the test JVM's classpath with Log4j 2 instead of Logback, as {@code spring-boot-starter-log4j2} has it:
	 * the jars the build copies to {@code target/log4j2-classpath}
	 */
	public static List<String> log4j2Classpath() {
		List<String> classpath = new ArrayList<>();
		for (String entry : testClasspath()) {
			String name = Path.of(entry).getFileName().toString();
			if (!name.startsWith("logback-") && !name.startsWith("log4j-to-slf4j")) {
				classpath.add(entry);
			}
		}
		java.io.File[] jars = Path.of("target", "log4j2-classpath").toFile().listFiles();
		if (jars == null || jars.length == 0) {
			throw new IllegalStateException("No Log4j 2 jars in target/log4j2-classpath: run the build's "
					+ "generate-test-resources phase");
		}
		for (java.io.File jar : jars) {
			classpath.add(jar.getAbsolutePath());
		}
		return classpath;
	}

	public int port() {
		return this.port;
	}

	/** @return everything the application printed so far */
	public String output() {
		return this.output.toString();
	}

	/**
	 * @param path such as {@code /turn}
	 * @return the status and the body
	 */
	public Response post(String path, String jsonBody) {
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(jsonBody)).build());
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET().build());
	}

	/** Closes the application's standard input, which stops it, and waits for its exit. */
	@Override
	public void close() {
		try {
			this.process.getOutputStream().close();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			this.reader.join(5000);
		}
		catch (IOException ex) {
			this.process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void awaitReady() {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			Matcher ready = READY.matcher(this.output);
			if (ready.find()) {
				this.port = Integer.parseInt(ready.group(1));
				return;
			}
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The forked application exited with " + this.process.exitValue()
						+ ":\n" + this.output);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		close();
		throw new IllegalStateException("The forked application did not start in time:\n" + this.output);
	}

	private void readOutput() {
		try (Reader in = new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8)) {
			char[] buffer = new char[8192];
			int read;
			while ((read = in.read(buffer)) != -1) {
				this.output.append(buffer, 0, read);
			}
		}
		catch (IOException ex) {
			// the process ended
		}
	}

	/** An HTTP answer. */
	public record Response(int status, String body) {
	}

}

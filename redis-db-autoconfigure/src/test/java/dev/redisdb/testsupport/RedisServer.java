package dev.redisdb.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * One real {@code redis-server} process on a free loopback port, without persistence, for tests.
 * It is stopped by its own process handle (PID), never by name, and leaves no files behind.
 */
public final class RedisServer implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);

	private final int port;

	private final List<String> extraArguments;

	private final Path workDirectory;

	private Process process;

	private RedisServer(int port, List<String> extraArguments) {
		this.port = port;
		this.extraArguments = List.copyOf(extraArguments);
		try {
			this.workDirectory = Files.createTempDirectory("redis-db-test-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts a server on a free loopback port.
	 * @param extraArguments further {@code redis-server} arguments, e.g. {@code "--requirepass", "secret"}
	 * @return the running server
	 */
	public static RedisServer start(String... extraArguments) {
		RedisServer server = new RedisServer(freePort(), Arrays.asList(extraArguments));
		server.launch();
		return server;
	}

	/** @return a port nobody listens on right now */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	public String host() {
		return "127.0.0.1";
	}

	/** @return {@code redis://127.0.0.1:port} */
	public String uri() {
		return "redis://" + host() + ":" + this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/** Kills the process (SIGKILL), as a crash would, and waits until it is gone. */
	public void kill() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly();
			waitForExit();
		}
	}

	/** Starts the server again on the same port after {@link #kill()}. */
	public void restart() {
		kill();
		launch();
	}

	/** Runs one command against the server with a client of the fixture's own and returns its reply. */
	public <T> T call(java.util.function.Function<RedisCommands<String, String>, T> command) {
		RedisClient client = RedisClient.create(RedisURI.create(uri()));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return command.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	public boolean exists(String key) {
		return this.<Long>call((commands) -> commands.exists(key)) == 1;
	}

	public String get(String key) {
		return call((commands) -> commands.get(key));
	}

	public long ttl(String key) {
		return this.<Long>call((commands) -> commands.ttl(key));
	}

	public long dbSize() {
		return this.<Long>call(RedisCommands::dbsize);
	}

	public void flushAll() {
		call(RedisCommands::flushall);
	}

	/**
	 * Reads {@code INFO commandstats}.
	 * @return calls per command name, lower case (e.g. {@code mget -> 3})
	 */
	public Map<String, Long> commandCalls() {
		String info = call((commands) -> commands.info("commandstats"));
		Map<String, Long> calls = new LinkedHashMap<>();
		for (String line : info.split("\r?\n")) {
			if (line.startsWith("cmdstat_")) {
				String name = line.substring("cmdstat_".length(), line.indexOf(':'));
				String stats = line.substring(line.indexOf(':') + 1);
				for (String stat : stats.split(",")) {
					if (stat.startsWith("calls=")) {
						calls.put(name, Long.parseLong(stat.substring("calls=".length())));
					}
				}
			}
		}
		return calls;
	}

	@Override
	public void close() {
		kill();
		deleteWorkDirectory();
	}

	private void launch() {
		List<String> command = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(this.port), "--bind",
				host(), "--save", "", "--appendonly", "no", "--dir", this.workDirectory.toString(), "--daemonize",
				"no", "--loglevel", "warning"));
		command.addAll(this.extraArguments);
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(this.workDirectory.resolve("redis.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start redis-server: is it installed and on the PATH? "
					+ "(Debian/Ubuntu: apt-get install redis-server)", ex);
		}
		awaitAcceptingConnections();
	}

	private void awaitAcceptingConnections() {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("redis-server exited at startup: " + readLog());
			}
			try (java.net.Socket socket = new java.net.Socket(host(), this.port)) {
				socket.getOutputStream().write("PING\r\n".getBytes());
				byte[] reply = new byte[64];
				int read = socket.getInputStream().read(reply);
				if (read > 0 && (new String(reply, 0, read).startsWith("+PONG")
						|| new String(reply, 0, read).startsWith("-NOAUTH"))) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			sleep(20);
		}
		kill();
		throw new IllegalStateException("redis-server did not accept connections on port " + this.port
				+ " within " + STARTUP_TIMEOUT + ": " + readLog());
	}

	private String readLog() {
		try {
			return Files.readString(this.workDirectory.resolve("redis.log"));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

	private void waitForExit() {
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("redis-server pid " + this.process.pid() + " did not exit");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void deleteWorkDirectory() {
		try (Stream<Path> paths = Files.walk(this.workDirectory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// best effort: a temporary directory
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

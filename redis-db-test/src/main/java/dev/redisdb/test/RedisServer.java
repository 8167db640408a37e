package dev.redisdb.test;

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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * One real {@code redis-server} process on a free loopback port, without persistence, for tests.
 * It is stopped by its own process handle (PID), never by name, and leaves no files behind; a server that is not
 * closed is stopped when the JVM exits.
 *
 * @since 0.2.0
 */
public final class RedisServer implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

	private static final String EXECUTABLE = "redis-server";

	private final String executable;

	private final int port;

	private final List<String> extraArguments;

	private final Path workDirectory;

	private final Mode mode;

	private final String password;

	private Process process;

	private final Thread shutdownHook = new Thread(this::stop, "redis-server-shutdown");

	private RedisServer(String executable, int port, List<String> extraArguments, Mode mode) {
		this.executable = executable;
		this.port = port;
		this.extraArguments = List.copyOf(extraArguments);
		this.mode = mode;
		int requirepass = this.extraArguments.indexOf("--requirepass");
		this.password = (requirepass >= 0) ? this.extraArguments.get(requirepass + 1) : null;
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
		return start(EXECUTABLE, Mode.PLAIN, Arrays.asList(extraArguments));
	}

	/**
	 * Starts a server from another {@code redis-server} binary than the one on the PATH.
	 * @param executable the binary: a path, or a name looked up on the PATH
	 * @param extraArguments further {@code redis-server} arguments
	 * @return the running server
	 * @throws IllegalStateException when the server does not come up; its cause is an {@link IOException} when the
	 * binary cannot be run at all
	 */
	public static RedisServer startFrom(String executable, String... extraArguments) {
		return start(executable, Mode.PLAIN, Arrays.asList(extraArguments));
	}

	/**
	 * Starts a server that accepts only TLS connections, on a free loopback port, without asking clients for a
	 * certificate.
	 * @param certificate the server's certificate chain (PEM)
	 * @param privateKey its private key (PEM)
	 * @param caCertificate the CA certificate (PEM)
	 * @param extraArguments further {@code redis-server} arguments
	 * @return the running server; {@link #call} trusts any certificate
	 */
	public static RedisServer startTls(Path certificate, Path privateKey, Path caCertificate,
			String... extraArguments) {
		List<String> arguments = new ArrayList<>(List.of("--tls-cert-file", certificate.toString(), "--tls-key-file",
				privateKey.toString(), "--tls-ca-cert-file", caCertificate.toString(), "--tls-auth-clients", "no"));
		arguments.addAll(Arrays.asList(extraArguments));
		return start(EXECUTABLE, Mode.TLS, arguments);
	}

	/**
	 * Starts a Sentinel ({@code redis-server <file> --sentinel}) on a free loopback port. Sentinel rewrites its
	 * configuration file, so each gets its own in its own temporary directory.
	 * @param configuration the lines of {@code sentinel.conf}, e.g. {@code sentinel monitor ...}
	 * @return the running sentinel
	 */
	public static RedisServer startSentinel(String configuration) {
		RedisServer server = new RedisServer(EXECUTABLE, freePort(), List.of(), Mode.SENTINEL);
		try {
			Files.writeString(server.configurationFile(), configuration);
		}
		catch (IOException ex) {
			server.close();
			throw new UncheckedIOException(ex);
		}
		server.launch();
		Runtime.getRuntime().addShutdownHook(server.shutdownHook);
		return server;
	}

	private static RedisServer start(String executable, Mode mode, List<String> extraArguments) {
		RedisServer server = new RedisServer(executable, freePort(), extraArguments, mode);
		try {
			server.launch();
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
		Runtime.getRuntime().addShutdownHook(server.shutdownHook);
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

	/** @return {@code redis://127.0.0.1:port}, or {@code rediss://} for a TLS server; without password */
	public String uri() {
		return ((this.mode == Mode.TLS) ? "rediss://" : "redis://") + host() + ":" + this.port;
	}

	/** @return the directory the server runs in (its {@code --dir}), deleted on {@link #close()} */
	public Path workDirectory() {
		return this.workDirectory;
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

	/** Stops the process (SIGSTOP): connections stay open, nothing is answered, as with a hung server. */
	public void pause() {
		signal("STOP");
	}

	/** Lets a paused process go on (SIGCONT). */
	public void resume() {
		signal("CONT");
	}

	private void signal(String name) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).inheritIO().start();
			if (kill.waitFor() != 0) {
				throw new IllegalStateException("kill -" + name + " " + pid() + " failed");
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Starts the server again on the same port after {@link #kill()}. */
	public void restart() {
		kill();
		launch();
	}

	/**
	 * Runs commands against the server with a client of the fixture's own (authenticated when the server was started
	 * with {@code --requirepass}) and returns the reply.
	 */
	public <T> T call(java.util.function.Function<RedisCommands<String, String>, T> command) {
		RedisURI.Builder uri = RedisURI.builder().withHost(host()).withPort(this.port);
		if (this.mode == Mode.TLS) {
			uri.withSsl(true).withVerifyPeer(false);
		}
		if (this.password != null) {
			uri.withPassword(this.password.toCharArray());
		}
		RedisClient client = RedisClient.create(uri.build());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return command.apply(connection.sync());
		}
		finally {
			shutdown(client);
		}
	}

	/**
	 * Shuts a client down, waiting at most a few seconds: Lettuce's own {@code shutdown} waits for its shutdown
	 * future without a limit, and once, after a Sentinel failover test, that future never completed although every
	 * thread of the client had ended, which held the whole test run.
	 */
	private static void shutdown(RedisClient client) {
		try {
			client.shutdownAsync(0, 2, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			// Its threads are daemon threads: a client that did not report its shutdown holds nothing up.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
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

	/** Stops the server (SIGTERM, then SIGKILL if it has not exited after 10 seconds) and deletes its directory. */
	@Override
	public void close() {
		stop();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			// the JVM is exiting, or the hook was never added
		}
	}

	private void stop() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
					kill();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				kill();
			}
		}
		deleteWorkDirectory();
	}

	private Path configurationFile() {
		return this.workDirectory.resolve("sentinel.conf");
	}

	private List<String> command() {
		List<String> command = new ArrayList<>(List.of(this.executable));
		switch (this.mode) {
			case PLAIN -> command.addAll(List.of("--port", String.valueOf(this.port)));
			case TLS -> command.addAll(List.of("--port", "0", "--tls-port", String.valueOf(this.port)));
			case SENTINEL -> command.addAll(List.of(configurationFile().toString(), "--sentinel", "--port",
					String.valueOf(this.port)));
		}
		command.addAll(List.of("--bind", host(), "--dir", this.workDirectory.toString(), "--daemonize", "no",
				"--loglevel", "warning"));
		if (this.mode != Mode.SENTINEL) {
			command.addAll(List.of("--save", "", "--appendonly", "no"));
		}
		command.addAll(this.extraArguments);
		return command;
	}

	private void launch() {
		List<String> command = command();
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(this.workDirectory.resolve("redis.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start " + this.executable + ": is it installed and on the PATH? "
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
				if (this.mode == Mode.TLS) {
					return; // listening; a TLS handshake would prove no more about readiness
				}
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

	private enum Mode {

		PLAIN, TLS, SENTINEL

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

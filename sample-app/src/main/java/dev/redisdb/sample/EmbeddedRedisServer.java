package dev.redisdb.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A throwaway {@code redis-server} process for the one-command run: a free loopback port, no persistence, a
 * temporary working directory that is deleted when the server stops.
 */
final class EmbeddedRedisServer implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(EmbeddedRedisServer.class);

	private static final String HOST = "127.0.0.1";

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);

	private final Process process;

	private final int port;

	private final Path directory;

	private EmbeddedRedisServer(Process process, int port, Path directory) {
		this.process = process;
		this.port = port;
		this.directory = directory;
	}

	/**
	 * Starts a server and waits until it answers {@code PING}.
	 * @param executable the {@code redis-server} binary, looked up on the PATH
	 * @return the running server
	 * @throws IllegalStateException when the binary is missing or the server does not come up
	 */
	static EmbeddedRedisServer start(String executable) {
		int port = freePort();
		Path directory = createDirectory();
		List<String> command = List.of(executable, "--port", String.valueOf(port), "--bind", HOST, "--save", "",
				"--appendonly", "no", "--dir", directory.toString(), "--daemonize", "no");
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(directory.resolve("redis.log").toFile())
				.start();
		}
		catch (IOException ex) {
			deleteDirectory(directory);
			throw new IllegalStateException("Cannot start '" + executable + "': it is not installed or not on the "
					+ "PATH. Install Redis (Debian/Ubuntu: sudo apt-get install redis-server, macOS: brew install redis) "
					+ "or point the app to a running server with JOVO_REDIS_CONNECTION_STRING=redis://host:6379 "
					+ "(or spring.data.redis.host / spring.data.redis.url).", ex);
		}
		EmbeddedRedisServer server = new EmbeddedRedisServer(process, port, directory);
		server.awaitPong();
		logger.info("No Redis configured: started an embedded redis-server (pid " + process.pid() + ") on redis://"
				+ HOST + ":" + port + " without persistence; it stops with the app. Set JOVO_REDIS_CONNECTION_STRING "
				+ "or spring.data.redis.host to use your own server.");
		return server;
	}

	String host() {
		return HOST;
	}

	int port() {
		return this.port;
	}

	long pid() {
		return this.process.pid();
	}

	Path directory() {
		return this.directory;
	}

	/** Stops the server (SIGTERM, then SIGKILL after 10 seconds) and deletes its directory. */
	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.process.destroyForcibly();
			}
		}
		deleteDirectory(this.directory);
		logger.info("Stopped the embedded redis-server (pid " + this.process.pid() + ")");
	}

	private void awaitPong() {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				String log = readLog();
				close();
				throw new IllegalStateException("redis-server exited at startup: " + log);
			}
			if (answersPing()) {
				return;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		close();
		throw new IllegalStateException("redis-server did not answer on port " + this.port + " within "
				+ STARTUP_TIMEOUT.toSeconds() + " seconds");
	}

	private boolean answersPing() {
		try (Socket socket = new Socket(HOST, this.port)) {
			socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			byte[] reply = new byte[7];
			int read = in.read(reply);
			return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
		}
		catch (IOException notYet) {
			return false;
		}
	}

	private String readLog() {
		try {
			return Files.readString(this.directory.resolve("redis.log"));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path createDirectory() {
		try {
			return Files.createTempDirectory("redis-db-sample-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteDirectory(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			logger.warn("Cannot delete " + directory + ": " + ex.getMessage());
		}
	}

}

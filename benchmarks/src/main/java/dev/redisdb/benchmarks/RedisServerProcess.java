package dev.redisdb.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code redis-server} of the benchmark's own on a free loopback port: no persistence, a temporary directory, and
 * stopped by its process handle (PID), never by name.
 */
final class RedisServerProcess implements AutoCloseable {

	static final String HOST = "127.0.0.1";

	private final int port;

	private final Path directory;

	private final Process process;

	private RedisServerProcess(int port, Path directory, Process process) {
		this.port = port;
		this.directory = directory;
		this.process = process;
	}

	/** @return a running server, accepting connections */
	static RedisServerProcess start() {
		int port = freePort();
		try {
			Path directory = Files.createTempDirectory("redis-db-bench-");
			Process process = new ProcessBuilder(List.of("redis-server", "--port", String.valueOf(port), "--bind",
					HOST, "--save", "", "--appendonly", "no", "--dir", directory.toString(), "--daemonize", "no",
					"--loglevel", "warning"))
				.redirectErrorStream(true)
				.redirectOutput(directory.resolve("redis.log").toFile())
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop redis-server " + process.pid()));
			RedisServerProcess server = new RedisServerProcess(port, directory, process);
			server.awaitPong();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start redis-server: is it installed and on the PATH?", ex);
		}
	}

	int port() {
		return this.port;
	}

	long pid() {
		return this.process.pid();
	}

	/** @return what {@code redis-server --version} prints */
	static String version() {
		return Commands.output(List.of("redis-server", "--version")).strip();
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try (Stream<Path> paths = Files.walk(this.directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory: best effort
		}
	}

	private void awaitPong() throws IOException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("redis-server exited at startup: "
						+ Files.readString(this.directory.resolve("redis.log")));
			}
			try (Socket socket = new Socket(HOST, this.port)) {
				OutputStream out = socket.getOutputStream();
				out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
				InputStream in = socket.getInputStream();
				byte[] reply = new byte[16];
				int read = in.read(reply);
				if (read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG")) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
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
		throw new IllegalStateException("redis-server did not answer PING on port " + this.port + " within 10 s");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

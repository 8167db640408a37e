package dev.redisdb.sample;

import java.io.IOException;
import java.nio.file.Path;

import dev.redisdb.test.RedisServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A throwaway {@code redis-server} process for the one-command run, started by {@code redis-db-test}'s launcher: a
 * free loopback port, no persistence, a temporary working directory that is deleted when the server stops.
 */
final class EmbeddedRedisServer implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(EmbeddedRedisServer.class);

	private final RedisServer server;

	private EmbeddedRedisServer(RedisServer server) {
		this.server = server;
	}

	/**
	 * Starts a server and waits until it answers {@code PING}.
	 * @param executable the {@code redis-server} binary, looked up on the PATH
	 * @return the running server
	 * @throws RedisServerNotInstalledException when the binary is missing
	 * @throws IllegalStateException when the server does not come up
	 */
	static EmbeddedRedisServer start(String executable) {
		RedisServer server;
		try {
			server = RedisServer.startFrom(executable);
		}
		catch (IllegalStateException ex) {
			if (!(ex.getCause() instanceof IOException)) {
				throw ex;
			}
			throw new RedisServerNotInstalledException(executable, ex);
		}
		logger.info("No Redis configured: started an embedded redis-server (pid " + server.pid() + ") on "
				+ server.uri() + " without persistence; it stops with the app. Set JOVO_REDIS_CONNECTION_STRING "
				+ "or spring.data.redis.host to use your own server.");
		return new EmbeddedRedisServer(server);
	}

	String host() {
		return this.server.host();
	}

	int port() {
		return this.server.port();
	}

	long pid() {
		return this.server.pid();
	}

	Path directory() {
		return this.server.workDirectory();
	}

	/** Stops the server (SIGTERM, then SIGKILL after 10 seconds) and deletes its directory. */
	@Override
	public void close() {
		this.server.close();
		logger.info("Stopped the embedded redis-server (pid " + this.server.pid() + ")");
	}

}

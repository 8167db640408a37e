package dev.redisdb;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.Assert;

/**
 * The store's only way to Redis: byte-level commands on one Lettuce connection of the factory, each awaited within
 * the command timeout, every failure turned into a {@link DataAccessException} that names the server (never a
 * password). The connection is the factory's shared native connection; a factory that shares none
 * ({@code shareNativeConnection=false}) lends the store one dedicated connection, kept until {@link #close()}.
 */
final class RedisAccess implements AutoCloseable {

	/** Grace on top of Lettuce's own command timeout, after which the store stops waiting itself. */
	private static final Duration AWAIT_MARGIN = Duration.ofMillis(500);

	private final LettuceConnectionFactory connectionFactory;

	private final String endpoint;

	private final long awaitMillis;

	/** The native connection's commands, kept between calls; fetched again once the connection is closed. */
	private volatile @Nullable RedisClusterAsyncCommands<byte[], byte[]> commands;

	/** The connection lent by a factory that shares no native connection, closed with this. */
	private @Nullable RedisConnection dedicatedConnection;

	RedisAccess(LettuceConnectionFactory connectionFactory) {
		Assert.notNull(connectionFactory, "connectionFactory must not be null");
		this.connectionFactory = connectionFactory;
		this.endpoint = describe(connectionFactory);
		this.awaitMillis = connectionFactory.getTimeout() + AWAIT_MARGIN.toMillis();
	}

	/** @return where the store's Redis is, for messages: host and port, Sentinel master, or cluster nodes */
	String endpoint() {
		return this.endpoint;
	}

	List<KeyValue<byte[], byte[]>> mget(String operation, byte[][] keys) {
		return call(operation, (commands) -> commands.mget(keys));
	}

	List<byte[]> hkeys(String operation, byte[] key) {
		return call(operation, (commands) -> commands.hkeys(key), false);
	}

	Map<byte[], byte[]> hgetall(String operation, byte[] key) {
		return call(operation, (commands) -> commands.hgetall(key), false);
	}

	long ttl(String operation, byte[] key) {
		return call(operation, (commands) -> commands.ttl(key), false);
	}

	void set(String operation, byte[] key, byte[] value, long ttlSeconds) {
		call(operation, (commands) -> (ttlSeconds > 0) ? commands.set(key, value, SetArgs.Builder.ex(ttlSeconds))
				: commands.set(key, value), true);
	}

	long del(String operation, byte[][] keys) {
		return call(operation, (commands) -> commands.del(keys), true);
	}

	/**
	 * Runs a script by its SHA, sending its text once where the server does not know it yet.
	 * @param writes whether the script writes: a failure after it was sent may then have been applied
	 */
	long eval(String operation, LuaScript script, byte[][] keys, byte[][] arguments, boolean writes) {
		try {
			return awaitOnce(operation, (commands) -> commands.evalsha(script.sha(), ScriptOutputType.INTEGER, keys,
					arguments), writes);
		}
		catch (RedisNoScriptException ex) {
			return call(operation, (commands) -> commands.eval(script.text(), ScriptOutputType.INTEGER, keys,
					arguments), writes);
		}
	}

	private <T> T call(String operation, Function<RedisClusterAsyncCommands<byte[], byte[]>, RedisFuture<T>> command) {
		return call(operation, command, false);
	}

	private <T> T call(String operation, Function<RedisClusterAsyncCommands<byte[], byte[]>, RedisFuture<T>> command,
			boolean writes) {
		try {
			return awaitOnce(operation, command, writes);
		}
		catch (RedisNoScriptException ex) {
			throw refused(operation, ex);
		}
	}

	private <T> T awaitOnce(String operation,
			Function<RedisClusterAsyncCommands<byte[], byte[]>, RedisFuture<T>> command, boolean writes) {
		RedisFuture<T> future;
		try {
			future = command.apply(commands());
		}
		catch (DataAccessException | io.lettuce.core.RedisException ex) {
			throw unavailable(operation, ex, false);
		}
		try {
			return future.get(this.awaitMillis, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RedisNoScriptException noScript) {
				throw noScript;
			}
			if (cause instanceof RedisCommandExecutionException refusal) {
				throw refused(operation, refusal);
			}
			throw unavailable(operation, cause, writes && !neverSent(cause));
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw new RedisDbUnavailableException("Cannot " + operation + ": Redis at " + this.endpoint
					+ " did not answer within " + this.awaitMillis + " ms", ex, writes);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			future.cancel(true);
			throw new RedisDbUnavailableException("Cannot " + operation + ": interrupted while waiting for Redis at "
					+ this.endpoint, ex);
		}
	}

	private RedisClusterAsyncCommands<byte[], byte[]> commands() {
		RedisClusterAsyncCommands<byte[], byte[]> commands = this.commands;
		if (commands == null || !commands.isOpen()) {
			commands = openCommands();
		}
		return commands;
	}

	@SuppressWarnings("unchecked")
	private synchronized RedisClusterAsyncCommands<byte[], byte[]> openCommands() {
		RedisClusterAsyncCommands<byte[], byte[]> commands = this.commands;
		if (commands != null && commands.isOpen()) {
			return commands;
		}
		if (this.connectionFactory.getShareNativeConnection()) {
			try (RedisConnection connection = this.connectionFactory.getConnection()) {
				commands = (RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
			}
		}
		else {
			closeDedicatedConnection();
			this.dedicatedConnection = this.connectionFactory.getConnection();
			commands = (RedisClusterAsyncCommands<byte[], byte[]>) this.dedicatedConnection.getNativeConnection();
		}
		this.commands = commands;
		return commands;
	}

	/** Returns a dedicated connection to its factory; the factory's shared connection is the factory's to close. */
	@Override
	public synchronized void close() {
		closeDedicatedConnection();
		this.commands = null;
	}

	private void closeDedicatedConnection() {
		if (this.dedicatedConnection != null) {
			this.dedicatedConnection.close();
			this.dedicatedConnection = null;
		}
	}

	/** Error codes a cluster or a replica answers with while it fails over, reshards or loads its data. */
	private static final Set<String> TRANSIENT_ERRORS = Set.of("CLUSTERDOWN", "TRYAGAIN", "MOVED", "ASK", "LOADING",
			"MASTERDOWN", "READONLY");

	/**
	 * @return for an error reply whose code is one of {@link #TRANSIENT_ERRORS}, a {@link RedisDbUnavailableException};
	 * for any other, a {@link RedisSystemException}
	 */
	DataAccessException refused(String operation, RedisCommandExecutionException ex) {
		String reply = String.valueOf(ex.getMessage());
		int codeEnd = reply.indexOf(' ');
		if (TRANSIENT_ERRORS.contains((codeEnd < 0) ? reply : reply.substring(0, codeEnd))) {
			return new RedisDbUnavailableException("Cannot " + operation + ": Redis at " + this.endpoint
					+ " is unavailable while it fails over, reshards or loads its data (it answered " + reply + ")",
					ex);
		}
		return new RedisSystemException("Cannot " + operation + ": Redis at " + this.endpoint
				+ " answered with an error: " + ex.getMessage(), ex);
	}

	private RedisDbUnavailableException unavailable(String operation, Throwable cause, boolean mayHaveBeenApplied) {
		return new RedisDbUnavailableException("Cannot " + operation + ": Redis at " + this.endpoint
				+ " is unavailable (" + reason(cause) + ")", cause, mayHaveBeenApplied);
	}

	/** A command rejected while disconnected, or whose connection could not be made, never reached Redis. */
	private static boolean neverSent(Throwable cause) {
		return cause instanceof RedisConnectionException || (cause.getMessage() != null
				&& cause.getMessage().startsWith("Currently not connected"));
	}

	private static String reason(Throwable cause) {
		Throwable root = cause;
		boolean tls = false;
		while (root.getCause() != null && root.getCause() != root) {
			tls |= root instanceof javax.net.ssl.SSLException;
			root = root.getCause();
		}
		tls |= root instanceof javax.net.ssl.SSLException;
		String reason = root.getClass().getSimpleName() + ((root.getMessage() != null) ? ": " + root.getMessage() : "");
		if (tls) {
			return "TLS handshake failed, " + reason + "; check the server certificate and the trusted certificates (jovo.redis.ssl-bundle in Spring Boot)";
		}
		if (root.getMessage() != null && (root.getMessage().startsWith("WRONGPASS")
				|| root.getMessage().startsWith("NOAUTH") || root.getMessage().startsWith("NOPERM"))) {
			return "authentication failed, " + reason + "; check the user and password";
		}
		return reason;
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String describe(LettuceConnectionFactory factory) {
		RedisClusterConfiguration cluster = factory.getClusterConfiguration();
		if (factory.isClusterAware() && cluster != null) {
			return "cluster " + cluster.getClusterNodes()
				.stream()
				.map((node) -> node.getHost() + ":" + node.getPort())
				.collect(Collectors.joining(","));
		}
		RedisSentinelConfiguration sentinel = factory.getSentinelConfiguration();
		if (factory.isRedisSentinelAware() && sentinel != null) {
			return "sentinel master '" + sentinel.getMaster().getName() + "' via " + sentinel.getSentinels()
				.stream()
				.map((node) -> node.getHost() + ":" + node.getPort())
				.collect(Collectors.joining(","));
		}
		return factory.getHostName() + ":" + factory.getPort();
	}

}

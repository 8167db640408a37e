package dev.redisdb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.lettuce.core.RedisCommandExecutionException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The store's commands, run through its {@link RedisTemplate} within the store's timeout. Spring Data translates
 * Lettuce's failures; this adds what the store knows: which failures are transient (a timeout, a lost connection, an
 * error reply Redis gives while it fails over), whether a write may have been applied, and what the call was doing.
 */
final class RedisCalls {

	/** Error codes a cluster or a replica answers with while it fails over, reshards or loads its data. */
	private static final Set<String> TRANSIENT_ERRORS = Set.of("CLUSTERDOWN", "TRYAGAIN", "MOVED", "ASK", "LOADING",
			"MASTERDOWN", "READONLY");

	private final RedisTemplate<String, byte[]> template;

	private final Duration timeout;

	RedisCalls(RedisTemplate<String, byte[]> template, Duration timeout) {
		this.template = template;
		this.timeout = timeout;
	}

	List<byte @Nullable []> mget(String operation, Collection<String> keys) {
		return read(operation, () -> this.template.opsForValue().multiGet(keys));
	}

	List<String> hashFields(String operation, String key) {
		return read(operation, () -> new ArrayList<>(this.template.<String, String>opsForHash().keys(key)));
	}

	Map<String, String> hash(String operation, String key) {
		return read(operation, () -> this.template.<String, String>opsForHash().entries(key));
	}

	long ttl(String operation, String key) {
		Long ttl = read(operation, () -> this.template.getExpire(key));
		return (ttl != null) ? ttl : -2;
	}

	void set(String operation, String key, byte[] value, long ttlSeconds) {
		write(operation, () -> {
			if (ttlSeconds > 0) {
				this.template.opsForValue().set(key, value, Duration.ofSeconds(ttlSeconds));
			}
			else {
				this.template.opsForValue().set(key, value);
			}
			return null;
		});
	}

	/** Deletes keys that share one hash slot. */
	long del(String operation, Collection<String> keys) {
		Long deleted = write(operation, () -> this.template.delete(keys));
		return (deleted != null) ? deleted : 0;
	}

	/**
	 * Runs a script that writes and answers an integer: {@code EVALSHA}, sending its text where the server does not
	 * know it yet.
	 */
	long eval(String operation, RedisScript<Long> script, List<String> keys, byte[][] arguments) {
		Long answer = write(operation, () -> this.template.execute(script, keys, (Object[]) arguments));
		if (answer == null) {
			throw new RedisSystemException("Cannot " + operation + ": the script answered nothing", null);
		}
		return answer;
	}

	private <T> T read(String operation, Supplier<T> command) {
		return call(operation, command, false);
	}

	private <T> T write(String operation, Supplier<T> command) {
		return call(operation, command, true);
	}

	private <T> T call(String operation, Supplier<T> command, boolean writes) {
		try {
			return StoreCommandTimeout.within(this.timeout, command);
		}
		catch (QueryTimeoutException ex) {
			throw new RedisDbUnavailableException("Cannot " + operation + ": Redis did not answer within "
					+ this.timeout.toMillis() + " ms (timeout)", ex, writes);
		}
		catch (RedisConnectionFailureException ex) {
			throw new RedisDbUnavailableException("Cannot " + operation + ": Redis is unavailable ("
					+ reason(ex) + ")", ex, false);
		}
		catch (RedisSystemException ex) {
			throw translate(operation, ex, writes);
		}
	}

	/** @return what an error reply or a failure in flight means for the store */
	static DataAccessException translate(String operation, RedisSystemException ex, boolean writes) {
		if (ex.getCause() instanceof RedisCommandExecutionException refusal) {
			String reply = String.valueOf(refusal.getMessage());
			int codeEnd = reply.indexOf(' ');
			if (TRANSIENT_ERRORS.contains((codeEnd < 0) ? reply : reply.substring(0, codeEnd))) {
				return new RedisDbUnavailableException("Cannot " + operation + ": Redis is unavailable while it "
						+ "fails over, reshards or loads its data (it answered " + reply + ")", ex);
			}
			return new RedisSystemException("Cannot " + operation + ": Redis answered with an error: " + reply, ex);
		}
		boolean neverSent = neverSent(ex);
		return new RedisDbUnavailableException("Cannot " + operation + ": Redis is unavailable ("
				+ reason(ex) + ")", ex, writes && !neverSent);
	}

	/** A command rejected while disconnected never reached Redis. */
	private static boolean neverSent(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && cause.getMessage().startsWith("Currently not connected")) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/** @return the root cause, and what to check where it is a TLS or authentication failure; never a password */
	private static String reason(Throwable failure) {
		Throwable root = failure;
		boolean tls = root instanceof javax.net.ssl.SSLException;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
			tls |= root instanceof javax.net.ssl.SSLException;
		}
		String message = root.getMessage();
		String reason = root.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
		if (tls) {
			return "TLS handshake failed, " + reason + "; check the server certificate and the trusted certificates "
					+ "(jovo.redis.ssl-bundle in Spring Boot)";
		}
		if (message != null && (message.startsWith("WRONGPASS") || message.startsWith("NOAUTH")
				|| message.startsWith("NOPERM"))) {
			return "authentication failed, " + reason + "; check the user and password";
		}
		return reason;
	}

}

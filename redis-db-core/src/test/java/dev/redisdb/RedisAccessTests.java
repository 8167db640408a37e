package dev.redisdb;

import java.util.List;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.internal.ExceptionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the store classifies Redis error replies, on Lettuce's own exceptions for them (as Lettuce builds them from a
 * reply) and a factory that is never connected.
 */
class RedisAccessTests {

	private final LettuceConnectionFactory factory = new LettuceConnectionFactory(
			new RedisClusterConfiguration(List.of("127.0.0.1:7000", "127.0.0.1:7001")));

	private final RedisAccess access = new RedisAccess(this.factory);

	@AfterEach
	void close() {
		this.access.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "CLUSTERDOWN The cluster is down", "CLUSTERDOWN Hash slot not served",
			"TRYAGAIN Multiple keys request during rehashing of slot", "MOVED 3999 127.0.0.1:7001",
			"ASK 3999 127.0.0.1:7001", "LOADING Redis is loading the dataset in memory",
			"MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.",
			"READONLY You can't write against a read only replica." })
	void errorRepliesOfAFailoverAreTransient(String reply) {
		RedisCommandExecutionException refusal = ExceptionFactory.createExecutionException(reply);

		assertThat(this.access.refused("save user", refusal)).isInstanceOf(RedisDbUnavailableException.class)
			.hasCause(refusal)
			.hasMessage("Cannot save user: Redis at cluster 127.0.0.1:7000,127.0.0.1:7001 is unavailable while it "
					+ "fails over, reshards or loads its data (it answered " + reply + ")");
	}

	@ParameterizedTest
	@ValueSource(strings = { "OOM command not allowed when used memory > 'maxmemory'.",
			"ERR Error running script (call to f_0123): @user_script:1: Script attempted to access a non local key",
			"WRONGTYPE Operation against a key holding the wrong kind of value", "CROSSSLOT Keys in request don't "
					+ "hash to the same slot", "NOPERM this user has no permissions to run the 'evalsha' command",
			"CLUSTERDOWNX not a code of the list", "" })
	void otherErrorRepliesAreRedisSystemExceptions(String reply) {
		RedisCommandExecutionException refusal = new RedisCommandExecutionException(reply);

		assertThat(this.access.refused("load user", refusal)).isInstanceOf(RedisSystemException.class)
			.isNotInstanceOf(RedisDbUnavailableException.class)
			.hasCause(refusal)
			.hasMessage("Cannot load user: Redis at cluster 127.0.0.1:7000,127.0.0.1:7001 answered with an error: "
					+ reply);
	}

}

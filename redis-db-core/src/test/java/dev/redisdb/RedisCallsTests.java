package dev.redisdb;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.internal.ExceptionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.data.redis.RedisSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the store classifies the error replies that Spring Data hands it as {@link RedisSystemException}s, on
 * Lettuce's own exceptions for them (as Lettuce builds them from a reply).
 */
class RedisCallsTests {

	@ParameterizedTest
	@ValueSource(strings = { "CLUSTERDOWN The cluster is down", "CLUSTERDOWN Hash slot not served",
			"TRYAGAIN Multiple keys request during rehashing of slot", "MOVED 3999 127.0.0.1:7001",
			"ASK 3999 127.0.0.1:7001", "LOADING Redis is loading the dataset in memory",
			"MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.",
			"READONLY You can't write against a read only replica." })
	void errorRepliesOfAFailoverAreTransient(String reply) {
		RedisSystemException translated = translatedBySpringData(ExceptionFactory.createExecutionException(reply));

		assertThat(RedisCalls.translate("save user", translated, true)).isInstanceOf(RedisDbUnavailableException.class)
			.hasCause(translated)
			.hasMessage("Cannot save user: Redis is unavailable while it fails over, reshards or loads its data "
					+ "(it answered " + reply + ")");
	}

	@ParameterizedTest
	@ValueSource(strings = { "OOM command not allowed when used memory > 'maxmemory'.",
			"ERR Error running script (call to f_0123): @user_script:1: Script attempted to access a non local key",
			"WRONGTYPE Operation against a key holding the wrong kind of value", "CROSSSLOT Keys in request don't "
					+ "hash to the same slot", "NOPERM this user has no permissions to run the 'evalsha' command",
			"CLUSTERDOWNX not a code of the list", "" })
	void otherErrorRepliesAreRedisSystemExceptions(String reply) {
		RedisSystemException translated = translatedBySpringData(new RedisCommandExecutionException(reply));

		assertThat(RedisCalls.translate("load user", translated, false)).isInstanceOf(RedisSystemException.class)
			.isNotInstanceOf(RedisDbUnavailableException.class)
			.hasCause(translated)
			.hasMessage("Cannot load user: Redis answered with an error: " + reply);
	}

	private static RedisSystemException translatedBySpringData(RedisCommandExecutionException reply) {
		return (RedisSystemException) new org.springframework.data.redis.connection.lettuce.LettuceExceptionConverter()
			.convert(reply);
	}

}

package dev.redisdb.sample;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Shows a missing {@code redis-server} the way Spring Boot shows a port that is taken: the problem, then what to do.
 */
class RedisServerNotInstalledFailureAnalyzer extends AbstractFailureAnalyzer<RedisServerNotInstalledException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RedisServerNotInstalledException cause) {
		return new FailureAnalysis("No Redis is configured, so the sample tried to start its own '"
				+ cause.executable() + "', but it is not installed or not on the PATH.",
				"Install Redis (Debian/Ubuntu: sudo apt-get install redis-server, macOS: brew install redis), or point "
						+ "the app to a running server: JOVO_REDIS_CONNECTION_STRING=redis://host:6379 (or "
						+ "spring.data.redis.host / spring.data.redis.url).",
				cause);
	}

}

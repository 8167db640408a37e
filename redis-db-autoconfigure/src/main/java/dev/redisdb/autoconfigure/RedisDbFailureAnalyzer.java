package dev.redisdb.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Shows a {@code jovo.redis.*} mistake at startup the way Spring Boot shows its own: the property and its problem,
 * then the action that fixes it.
 */
final class RedisDbFailureAnalyzer extends AbstractFailureAnalyzer<RedisDbConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RedisDbConfigurationException cause) {
		return new FailureAnalysis("Invalid configuration: " + cause.property() + " " + cause.problem() + ".",
				"Update your application's configuration: " + cause.action() + ".", cause);
	}

}

package dev.redisdb.sample;

/**
 * The one-command run needs {@code redis-server} and cannot find it: {@link RedisServerNotInstalledFailureAnalyzer}
 * shows why and what to do, instead of a stack trace.
 */
class RedisServerNotInstalledException extends IllegalStateException {

	private final String executable;

	RedisServerNotInstalledException(String executable, Throwable cause) {
		super("Cannot start '" + executable + "': it is not installed or not on the PATH", cause);
		this.executable = executable;
	}

	String executable() {
		return this.executable;
	}

}

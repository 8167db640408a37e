package dev.redisdb.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that gives every test class the one {@link RedisCluster} of the test run: started lazily by the
 * first class that needs it, kept in the root {@link ExtensionContext.Store} (which closes it, by PID, when the run
 * ends) and emptied before each test. Register it as a static field:
 * <pre>{@code @RegisterExtension static final RedisClusterExtension cluster = new RedisClusterExtension();}</pre>
 *
 * @since 0.2.0
 */
public final class RedisClusterExtension implements BeforeAllCallback, BeforeEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(RedisClusterExtension.class);

	private RedisCluster cluster;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.cluster = context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(RedisCluster.class, (key) -> RedisCluster.start(), RedisCluster.class);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.cluster.flushAll();
	}

	public RedisCluster cluster() {
		return this.cluster;
	}

}

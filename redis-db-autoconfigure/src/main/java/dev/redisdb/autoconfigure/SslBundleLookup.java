package dev.redisdb.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * Finds the SSL bundle {@code jovo.redis.ssl-bundle} names, with a message that says where to define it.
 */
final class SslBundleLookup {

	private SslBundleLookup() {
	}

	/**
	 * @param name the configured bundle name, may be null
	 * @param connectionString the connection string it is for
	 * @param sslBundles the application's bundles, may be null
	 * @return the bundle, or null when no name is configured
	 * @throws RedisDbConfigurationException when the name is configured but no such bundle exists
	 */
	static @Nullable SslBundle find(@Nullable String name, String connectionString,
			@Nullable SslBundles sslBundles) {
		if (!StringUtils.hasText(name)) {
			return null;
		}
		if (!connectionString.startsWith("rediss://") && !connectionString.startsWith("rediss-sentinel://")) {
			throw new RedisDbConfigurationException("jovo.redis.ssl-bundle", "'" + name + "' is set but "
					+ "jovo.redis.connection-string '" + ConnectionStrings.mask(connectionString) + "' does not use TLS",
					"start it with rediss:// (or rediss-sentinel://), or remove jovo.redis.ssl-bundle");
		}
		if (sslBundles == null) {
			throw notFound(name, "the application has no SslBundles (Spring Boot's SslAutoConfiguration is off)");
		}
		try {
			return sslBundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw notFound(name, "no such bundle is defined");
		}
	}

	private static RedisDbConfigurationException notFound(String name, String reason) {
		return new RedisDbConfigurationException("jovo.redis.ssl-bundle", "'" + name + "' cannot be used: " + reason,
				"define it as spring.ssl.bundle.pem." + name + ".truststore.certificate (a PEM CA certificate) or "
						+ "spring.ssl.bundle.jks." + name + ".truststore.location");
	}

}

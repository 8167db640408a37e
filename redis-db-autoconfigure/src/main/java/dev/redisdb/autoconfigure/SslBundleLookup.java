package dev.redisdb.autoconfigure;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * Finds the SSL bundle {@code jovo.redis.ssl-bundle} names, with a message that says where to define it.
 */
final class SslBundleLookup {

	private SslBundleLookup() {
	}

	/**
	 * @param name the configured bundle name, may be null
	 * @param sslBundles the application's bundles, may be null
	 * @return the bundle, or null when no name is configured
	 * @throws IllegalStateException when the name is configured but no such bundle exists
	 */
	static SslBundle find(String name, SslBundles sslBundles) {
		if (name == null) {
			return null;
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

	private static IllegalStateException notFound(String name, String reason) {
		return new IllegalStateException("Invalid configuration: jovo.redis.ssl-bundle '" + name + "' cannot be used: "
				+ reason + "; define it as spring.ssl.bundle.pem." + name + ".truststore.certificate (a PEM CA "
				+ "certificate) or spring.ssl.bundle.jks." + name + ".truststore.location");
	}

}

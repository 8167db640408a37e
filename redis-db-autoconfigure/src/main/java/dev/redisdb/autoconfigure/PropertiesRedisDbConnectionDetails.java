package dev.redisdb.autoconfigure;

import java.util.List;

import io.lettuce.core.RedisURI;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * {@link RedisDbConnectionDetails} read from {@code jovo.redis.connection-string} and {@code jovo.redis.ssl-bundle},
 * checked when created, the way Spring Data Redis reads a Lettuce URI: database, ACL user and password of the server,
 * and for {@code redis-sentinel://} the sentinels' own password where a sentinel node carries one.
 */
final class PropertiesRedisDbConnectionDetails implements RedisDbConnectionDetails {

	private final RedisURI uri;

	private final @Nullable SslBundle sslBundle;

	/**
	 * @param properties the configuration, with a connection string
	 * @param sslBundles the application's SSL bundles, where it has them
	 * @throws RedisDbConfigurationException when the connection string or the SSL bundle cannot be used
	 */
	PropertiesRedisDbConnectionDetails(RedisDbProperties properties, @Nullable SslBundles sslBundles) {
		String connectionString = (properties.connectionString() != null) ? properties.connectionString() : "";
		this.uri = ConnectionStrings.parse(connectionString);
		SslBundle named = SslBundleLookup.find(properties.sslBundle(), connectionString, sslBundles);
		this.sslBundle = (named != null) ? named : (this.uri.isSsl() ? SslBundle.systemDefault() : null);
	}

	/**
	 * @return the parsed connection string, for the Lettuce options that connection details do not carry (peer
	 * verification mode, StartTLS)
	 */
	RedisURI uri() {
		return this.uri;
	}

	@Override
	public @Nullable String getUsername() {
		return this.uri.getUsername();
	}

	@Override
	public @Nullable String getPassword() {
		return password(this.uri);
	}

	@Override
	public @Nullable SslBundle getSslBundle() {
		return this.sslBundle;
	}

	@Override
	public @Nullable Standalone getStandalone() {
		return this.uri.getSentinels().isEmpty()
				? Standalone.of(this.uri.getHost(), this.uri.getPort(), this.uri.getDatabase()) : null;
	}

	@Override
	public @Nullable Sentinel getSentinel() {
		if (this.uri.getSentinels().isEmpty()) {
			return null;
		}
		List<Node> nodes = this.uri.getSentinels()
			.stream()
			.map((sentinel) -> new Node(sentinel.getHost(), sentinel.getPort()))
			.toList();
		String sentinelPassword = this.uri.getSentinels()
			.stream()
			.map(PropertiesRedisDbConnectionDetails::password)
			.filter((password) -> password != null)
			.reduce((first, last) -> last)
			.orElse(null);
		int database = this.uri.getDatabase();
		String master = this.uri.getSentinelMasterId();
		return new Sentinel() {

			@Override
			public int getDatabase() {
				return database;
			}

			@Override
			public String getMaster() {
				return master;
			}

			@Override
			public List<Node> getNodes() {
				return nodes;
			}

			@Override
			public @Nullable String getUsername() {
				return null;
			}

			@Override
			public @Nullable String getPassword() {
				return sentinelPassword;
			}

		};
	}

	private static @Nullable String password(RedisURI uri) {
		char[] password = uri.getPassword();
		return (password != null) ? new String(password) : null;
	}

}

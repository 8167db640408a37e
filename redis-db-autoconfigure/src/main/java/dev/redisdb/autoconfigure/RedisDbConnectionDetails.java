package dev.redisdb.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.ssl.SslBundle;

/**
 * Where the store's own connection goes, as Spring Boot's {@code DataRedisConnectionDetails} says it for the
 * application's. An application bean of this type gives the store its own connection and wins over
 * {@code jovo.redis.connection-string}; without one, the connection string is turned into connection details.
 * {@code @ServiceConnection} on a Redis test container registers one, next to Boot's.
 * <p>
 * Exactly one of {@link #getStandalone()} and {@link #getSentinel()} returns a value. The store's timeouts and client
 * options come from {@code jovo.redis.*} either way.
 *
 * @since 0.2.0
 */
public interface RedisDbConnectionDetails extends ConnectionDetails {

	/**
	 * @return the ACL user to log in as, or {@code null} for the {@code default} user
	 */
	default @Nullable String getUsername() {
		return null;
	}

	/**
	 * @return the password of the user, or {@code null} for none
	 */
	default @Nullable String getPassword() {
		return null;
	}

	/**
	 * @return the bundle to connect with over TLS ({@link SslBundle#systemDefault()} trusts the JVM's trust store), or
	 * {@code null} to connect without TLS
	 */
	default @Nullable SslBundle getSslBundle() {
		return null;
	}

	/**
	 * @return the single server, or {@code null} when the connection goes through Sentinel
	 */
	default @Nullable Standalone getStandalone() {
		return null;
	}

	/**
	 * @return the sentinels that know the primary, or {@code null} for a single server
	 */
	default @Nullable Sentinel getSentinel() {
		return null;
	}

	/**
	 * One Redis server.
	 */
	interface Standalone {

		String getHost();

		int getPort();

		default int getDatabase() {
			return 0;
		}

		/**
		 * @param host the server's host name or address
		 * @param port its port
		 * @return the server, database 0
		 */
		static Standalone of(String host, int port) {
			return of(host, port, 0);
		}

		/**
		 * @param host the server's host name or address
		 * @param port its port
		 * @param database the database number
		 * @return the server
		 */
		static Standalone of(String host, int port, int database) {
			return new Standalone() {

				@Override
				public String getHost() {
					return host;
				}

				@Override
				public int getPort() {
					return port;
				}

				@Override
				public int getDatabase() {
					return database;
				}

			};
		}

	}

	/**
	 * A primary found through Redis Sentinel. {@link RedisDbConnectionDetails#getUsername()} and
	 * {@link RedisDbConnectionDetails#getPassword()} are those of the primary and its replicas.
	 */
	interface Sentinel {

		int getDatabase();

		/** @return the name the sentinels monitor the primary by */
		String getMaster();

		List<Node> getNodes();

		/** @return the user to log in to the sentinels as, or {@code null} */
		@Nullable String getUsername();

		/** @return the sentinels' own password, or {@code null} when they require none */
		@Nullable String getPassword();

	}

	/**
	 * A host and port.
	 *
	 * @param host the host name or address
	 * @param port the port
	 */
	record Node(String host, int port) {

	}

}

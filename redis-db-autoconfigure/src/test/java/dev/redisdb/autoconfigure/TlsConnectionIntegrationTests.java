package dev.redisdb.autoconfigure;

import dev.redisdb.RedisDbUnavailableException;
import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredUser;
import dev.redisdb.test.RedisServer;
import dev.redisdb.testsupport.TestCertificates;
import dev.redisdb.testsupport.TestCertificates.ServerCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code rediss://} connection strings against a real TLS-only {@code redis-server} with an ACL user, the CA coming
 * from a Spring Boot SSL bundle ({@code jovo.redis.ssl-bundle}); and the application's TLS connection
 * ({@code spring.data.redis.ssl.bundle}) as the store's connection to it inherits it.
 */
class TlsConnectionIntegrationTests {

	private static TestCertificates certificates;

	private static RedisServer server;

	private static RedisServer serverForOtherHost;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, RedisDbAutoConfiguration.class));

	@BeforeAll
	static void startServers() {
		certificates = TestCertificates.newCa();
		ServerCertificate local = certificates.issueServerCertificate("server", "IP:127.0.0.1", "DNS:localhost");
		server = RedisServer.startTls(local.certificate(), local.privateKey(), certificates.caCertificate(), "--user",
				"app", "on", ">secret", "~*", "&*", "+@all");
		ServerCertificate other = certificates.issueServerCertificate("other", "DNS:redis.example.com");
		serverForOtherHost = RedisServer.startTls(other.certificate(), other.privateKey(),
				certificates.caCertificate());
	}

	@AfterAll
	static void stopServers() {
		for (AutoCloseable resource : new AutoCloseable[] { server, serverForOtherHost, certificates }) {
			try {
				if (resource != null) {
					resource.close();
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	@Test
	void savesAndLoadsOverTlsAsAclUserTrustingTheSslBundlesCa() {
		this.contextRunner.withPropertyValues(connectionString(server, "app:secret"), "jovo.redis.ssl-bundle=redis",
				caBundle())
			.run((context) -> {
				RedisUserStore store = context.getBean(RedisUserStore.class);
				saveVisit(store, "U1");

				assertThat(store.load("U1").data()).containsEntry("visits", 1);
				String clients = server.call((commands) -> commands.clientList());
				assertThat(clients).contains("name=redis-db", "user=app");
			});
	}

	@Test
	void onTheApplicationsTlsConnectionTheStoresConnectionKeepsTheBundleUserAndHostNameVerification() {
		ApplicationContextRunner application = this.contextRunner
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.host=" + server.host(), "spring.data.redis.username=app",
					"spring.data.redis.password=secret", "spring.data.redis.ssl.bundle=redis",
					"spring.data.redis.client-name=voice-app", caBundle());
		application.withPropertyValues("spring.data.redis.port=" + server.port()).run((context) -> {
			RedisUserStore store = context.getBean(RedisUserStore.class);
			saveVisit(store, "U2");
			assertThat(store.load("U2").data()).containsEntry("visits", 1);
			String clients = server.call((commands) -> commands.clientList());
			assertThat(clients.lines().filter((line) -> line.contains(" name=voice-app ") && line.contains(" user=app ")))
				.as("the store's connection, over TLS as the application's user")
				.hasSize(1);
		});
		application.withPropertyValues("spring.data.redis.port=" + serverForOtherHost.port()).run((context) -> {
			RedisUserStore store = context.getBean(RedisUserStore.class);
			assertThatExceptionOfType(RedisDbUnavailableException.class).isThrownBy(() -> store.load("U2"))
				.withMessageContaining("TLS handshake failed");
		});
	}

	@Test
	void wrongPasswordFailsWithRedisMessageAndWithoutThePassword() {
		this.contextRunner
			.withPropertyValues(connectionString(server, "app:not-the-secret"), "jovo.redis.ssl-bundle=redis",
					caBundle())
			.run((context) -> {
				RedisUserStore store = context.getBean(RedisUserStore.class);
				assertThatExceptionOfType(RedisDbUnavailableException.class).isThrownBy(() -> store.load("U1"))
					.withMessageStartingWith("Cannot load user: Redis is unavailable (authentication failed, ")
					.withMessageContaining("WRONGPASS")
					.withMessageNotContaining("not-the-secret");
			});
	}

	@Test
	void certificateOfAnUnknownCaFailsWithTheJvmTrustStore() {
		this.contextRunner.withPropertyValues(connectionString(server, "app:secret")).run((context) -> {
			RedisUserStore store = context.getBean(RedisUserStore.class);
			assertThatExceptionOfType(RedisDbUnavailableException.class).isThrownBy(() -> store.load("U1"))
				.withMessageStartingWith("Cannot load user: Redis is unavailable (TLS handshake failed, ")
				.withMessageContaining("certification path")
				.withMessageNotContaining("secret");
		});
	}

	@Test
	void hostNameIsVerified() {
		this.contextRunner
			.withPropertyValues(connectionString(serverForOtherHost, ""), "jovo.redis.ssl-bundle=redis", caBundle())
			.run((context) -> {
				RedisUserStore store = context.getBean(RedisUserStore.class);
				assertThatExceptionOfType(RedisDbUnavailableException.class).isThrownBy(() -> store.load("U1"))
					.withMessageContaining("TLS handshake failed")
					.withMessageContaining("No subject alternative names matching IP address 127.0.0.1 found");
			});
	}

	@Test
	void unknownSslBundleFailsAtStartup() {
		this.contextRunner.withPropertyValues(connectionString(server, "app:secret"), "jovo.redis.ssl-bundle=missing")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(RedisDbConfigurationException.class)
					.hasMessage("jovo.redis.ssl-bundle 'missing' cannot be used: no such bundle is defined: define it "
							+ "as spring.ssl.bundle.pem.missing.truststore.certificate (a PEM CA certificate) or "
							+ "spring.ssl.bundle.jks.missing.truststore.location");
			});
	}

	private static void saveVisit(RedisUserStore store, String userId) {
		StoredUser user = store.load(userId);
		user.data().put("visits", 1);
		store.save(user);
	}

	private static String connectionString(RedisServer server, String userInfo) {
		return "jovo.redis.connection-string=rediss://" + (userInfo.isEmpty() ? "" : userInfo + "@") + server.host()
				+ ":" + server.port();
	}

	private static String caBundle() {
		return "spring.ssl.bundle.pem.redis.truststore.certificate=file:" + certificates.caCertificate();
	}

}

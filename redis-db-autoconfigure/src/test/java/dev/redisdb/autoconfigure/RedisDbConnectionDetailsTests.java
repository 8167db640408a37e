package dev.redisdb.autoconfigure;

import java.time.Duration;
import dev.redisdb.StoreCommandTimeout;
import dev.redisdb.RedisUserStore;
import io.lettuce.core.ClientOptions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisNode;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedisDbConnectionDetails} without a server: an application bean gives the store its own connection and wins
 * over {@code jovo.redis.connection-string}; the connection string becomes connection details; the conditions report
 * says which decided.
 */
class RedisDbConnectionDetailsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class));

	@Test
	void connectionDetailsBeanGivesTheStoreItsOwnConnection() {
		this.contextRunner.withUserConfiguration(UserConnectionDetailsConfiguration.class)
			.withPropertyValues("jovo.redis.timeout=750ms", "jovo.redis.connect-timeout=300ms")
			.run((context) -> {
				LettuceConnectionFactory factory = ownConnectionFactory(context);
				assertThat(factory).isNotSameAs(context.getBean(RedisConnectionFactory.class));
				RedisStandaloneConfiguration server = standaloneConfiguration(factory);
				assertThat(server.getHostName()).isEqualTo("redis.example");
				assertThat(server.getPort()).isEqualTo(6390);
				assertThat(server.getDatabase()).isEqualTo(2);
				assertThat(server.getUsername()).isEqualTo("app");
				assertThat(server.getPassword().get()).isEqualTo("s3cret".toCharArray());
				assertThat(factory.isUseSsl()).isTrue();
				assertThat(factory.getTimeout()).isEqualTo(750);
				assertThat(factory.getClientConfiguration().getClientName()).contains("redis-db");
				ClientOptions clientOptions = factory.getClientConfiguration().getClientOptions().orElseThrow();
				assertThat(clientOptions.getSocketOptions().getConnectTimeout()).isEqualTo(Duration.ofMillis(300));
				assertThat(clientOptions.getTimeoutOptions().getSource()).isInstanceOf(StoreCommandTimeout.class);
				assertThat(clientOptions.getSslOptions()).isNotNull();
				assertThat(context.getBean(RedisDbAutoConfiguration.TEMPLATE_BEAN_NAME, RedisTemplate.class)
					.getConnectionFactory()).isSameAs(factory);
				assertThat(context).hasSingleBean(RedisUserStore.class)
					.doesNotHaveBean(PropertiesRedisDbConnectionDetails.class);
				assertThat(ownConnectionConditions(context))
					.contains("found bean 'userConnectionDetails'");
			});
	}

	@Test
	void connectionDetailsBeanWinsOverTheConnectionString() {
		this.contextRunner.withUserConfiguration(UserConnectionDetailsConfiguration.class)
			.withPropertyValues("jovo.redis.connection-string=redis://other.example:6400/5")
			.run((context) -> {
				assertThat(context).getBean(RedisDbConnectionDetails.class)
					.isSameAs(context.getBean("userConnectionDetails"));
				RedisStandaloneConfiguration server = standaloneConfiguration(ownConnectionFactory(context));
				assertThat(server.getHostName()).isEqualTo("redis.example");
				assertThat(server.getPort()).isEqualTo(6390);
				assertThat(server.getDatabase()).isEqualTo(2);
			});
	}

	@Test
	void connectionStringBecomesConnectionDetails() {
		this.contextRunner.withPropertyValues("jovo.redis.connection-string=redis://app:s3cret@redis.example:6400/4")
			.run((context) -> {
				RedisDbConnectionDetails details = context.getBean(RedisDbConnectionDetails.class);
				assertThat(details).isInstanceOf(PropertiesRedisDbConnectionDetails.class);
				assertThat(details.getUsername()).isEqualTo("app");
				assertThat(details.getPassword()).isEqualTo("s3cret");
				assertThat(details.getSslBundle()).isNull();
				assertThat(details.getSentinel()).isNull();
				RedisDbConnectionDetails.Standalone server = details.getStandalone();
				assertThat(server).isNotNull();
				assertThat(server.getHost()).isEqualTo("redis.example");
				assertThat(server.getPort()).isEqualTo(6400);
				assertThat(server.getDatabase()).isEqualTo(4);
				assertThat(ownConnectionFactory(context).isUseSsl()).isFalse();
				assertThat(ownConnectionConditions(context)).contains("resulted in true");
			});
	}

	@Test
	void tlsConnectionStringWithoutSslBundleTrustsTheJvmTrustStore() {
		this.contextRunner.withPropertyValues("jovo.redis.connection-string=rediss://redis.example:6380")
			.run((context) -> {
				SslBundle bundle = context.getBean(RedisDbConnectionDetails.class).getSslBundle();
				assertThat(bundle).isNotNull();
				assertThat(bundle.getManagers().getTrustManagerFactory().getAlgorithm())
					.isEqualTo(SslBundle.systemDefault().getManagers().getTrustManagerFactory().getAlgorithm());
				assertThat(ownConnectionFactory(context).isUseSsl()).isTrue();
			});
	}

	@Test
	void sentinelConnectionStringBecomesSentinelDetails() {
		this.contextRunner
			.withPropertyValues(
					"jovo.redis.connection-string=redis-sentinel://s3cret@127.0.0.1:26379,127.0.0.1:26380/3#mymaster")
			.run((context) -> {
				RedisDbConnectionDetails details = context.getBean(RedisDbConnectionDetails.class);
				assertThat(details.getStandalone()).isNull();
				RedisDbConnectionDetails.Sentinel sentinel = details.getSentinel();
				assertThat(sentinel).isNotNull();
				assertThat(sentinel.getMaster()).isEqualTo("mymaster");
				assertThat(sentinel.getDatabase()).isEqualTo(3);
				assertThat(sentinel.getNodes()).containsExactly(new RedisDbConnectionDetails.Node("127.0.0.1", 26379),
						new RedisDbConnectionDetails.Node("127.0.0.1", 26380));
				assertThat(details.getPassword()).isEqualTo("s3cret");
				RedisSentinelConfiguration configuration = ownConnectionFactory(context).getSentinelConfiguration();
				assertThat(configuration).isNotNull();
				assertThat(configuration.getMaster().getName()).isEqualTo("mymaster");
				assertThat(configuration.getSentinels()).containsExactlyInAnyOrder(new RedisNode("127.0.0.1", 26379),
						new RedisNode("127.0.0.1", 26380));
				assertThat(configuration.getDatabase()).isEqualTo(3);
				assertThat(configuration.getPassword().get()).isEqualTo("s3cret".toCharArray());
			});
	}

	@Test
	void withNeitherTheStoreUsesTheApplicationsConnectionAndTheReportSaysWhy() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RedisUserStore.class)
				.doesNotHaveBean(RedisDbConnectionDetails.class);
			assertThat(context).doesNotHaveBean(RedisDbAutoConfiguration.CONNECTION_FACTORY_BEAN_NAME);
			assertThat(context.getBean(RedisDbAutoConfiguration.TEMPLATE_BEAN_NAME, RedisTemplate.class)
				.getConnectionFactory()).isSameAs(context.getBean(LettuceConnectionFactory.class));
			assertThat(ownConnectionConditions(context)).contains("resulted in false",
					"did not find any beans of type dev.redisdb.autoconfigure.RedisDbConnectionDetails");
		});
	}

	private static LettuceConnectionFactory ownConnectionFactory(AssertableApplicationContext context) {
		return context.getBean(RedisDbAutoConfiguration.CONNECTION_FACTORY_BEAN_NAME, LettuceConnectionFactory.class);
	}

	// A factory made from a RedisConfiguration keeps it in a field that no getter returns.
	private static RedisStandaloneConfiguration standaloneConfiguration(LettuceConnectionFactory factory) {
		return (RedisStandaloneConfiguration) ReflectionTestUtils.getField(factory, "configuration");
	}

	private static String ownConnectionConditions(AssertableApplicationContext context) {
		StringBuilder report = new StringBuilder();
		ConditionEvaluationReport.get(context.getBeanFactory())
			.getConditionAndOutcomesBySource()
			.forEach((source, outcomes) -> {
				if (source.endsWith("ConnectionStringConfiguration")
						|| source.endsWith("StoreConnectionFactoryConfiguration")) {
					outcomes.forEach((outcome) -> report.append(outcome.getOutcome().getMessage()).append('\n'));
				}
			});
		return report.toString();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserConnectionDetailsConfiguration {

		@Bean
		RedisDbConnectionDetails userConnectionDetails() {
			return new RedisDbConnectionDetails() {

				@Override
				public @Nullable String getUsername() {
					return "app";
				}

				@Override
				public @Nullable String getPassword() {
					return "s3cret";
				}

				@Override
				public @Nullable SslBundle getSslBundle() {
					return SslBundle.systemDefault();
				}

				@Override
				public Standalone getStandalone() {
					return Standalone.of("redis.example", 6390, 2);
				}

			};
		}

	}

}

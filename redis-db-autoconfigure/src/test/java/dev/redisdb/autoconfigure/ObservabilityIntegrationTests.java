package dev.redisdb.autoconfigure;

import java.security.Principal;

import dev.redisdb.DbItem;
import dev.redisdb.RedisDbConflictException;
import dev.redisdb.RedisUserStore;
import dev.redisdb.SplitExample;
import dev.redisdb.StoredUser;
import dev.redisdb.TurnContext;
import dev.redisdb.autoconfigure.endpoint.RedisDbEndpoint;
import dev.redisdb.autoconfigure.endpoint.RedisDbEndpoint.KeyDescriptor;
import dev.redisdb.autoconfigure.endpoint.RedisDbEndpointAutoConfiguration;
import dev.redisdb.test.RedisServerExtension;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The auto-configured store with Spring Boot's observation and metrics auto-configuration, and the {@code redisdb}
 * endpoint, on a live server.
 */
class ObservabilityIntegrationTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class,
				RedisDbEndpointAutoConfiguration.class))
		.withPropertyValues("jovo.redis.connection-string=" + redis.server().uri(),
				"management.endpoints.web.exposure.include=redisdb")
		.withPropertyValues(SplitExample.PROPERTIES);

	@Test
	void everyCallIsTimedAndSizesAndAttemptsAreRecorded() {
		this.contextRunner.run((context) -> {
			RedisUserStore store = context.getBean(RedisUserStore.class);
			for (int turn = 0; turn < 3; turn++) {
				StoredUser user = store.load("U");
				user.data().put("turn", turn);
				store.save(user);
			}
			store.update("U", TurnContext.none(), (user) -> user.data().put("updated", true));
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("redisdb.load").tags("outcome", "success", "entries", "3").timer().count())
				.isEqualTo(3);
			assertThat(meters.get("redisdb.save").tag("outcome", "success").timer().count()).isEqualTo(3);
			assertThat(meters.get("redisdb.update").tag("outcome", "success").timer().count()).isEqualTo(1);
			assertThat(meters.get("redisdb.update.attempts").summary().count()).isEqualTo(1);
			assertThat(meters.get("redisdb.update.attempts").summary().max()).isEqualTo(1);
			assertThat(meters.get("redisdb.value.size").tag("entry", "user").summary().count()).isEqualTo(4);
			assertThat(meters.get("redisdb.value.size").tag("entry", "user").summary().max()).isGreaterThan(50);
			assertThat(meters.get("redisdb.update.conflicts").counter().count()).isZero();
		});
	}

	@Test
	void anUpdateThatGivesUpIsCountedAsAConflict() {
		this.contextRunner.withPropertyValues("jovo.redis.update-attempts=2").run((context) -> {
			RedisUserStore store = context.getBean(RedisUserStore.class);
			store.save(store.load("C"));
			assertThatExceptionOfType(RedisDbConflictException.class)
				.isThrownBy(() -> store.update("C", TurnContext.none(), (user) -> redis.server()
					.call((commands) -> commands.append("myapp:user:C", " "))));
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("redisdb.update.conflicts").counter().count()).isEqualTo(1);
			assertThat(meters.get("redisdb.update.attempts").summary().max()).isEqualTo(2);
			assertThat(meters.get("redisdb.update").tag("outcome", "conflict").timer().count()).isEqualTo(1);
		});
	}

	@Test
	void theEndpointShowsKeysAndHidesValuesUnlessAllowed() {
		this.contextRunner.run((context) -> {
			RedisUserStore store = context.getBean(RedisUserStore.class);
			StoredUser user = store.load("U");
			user.data().put("name", "Anna");
			store.save(user);
			RedisDbEndpoint endpoint = context.getBean(RedisDbEndpoint.class);
			KeyDescriptor userKey = endpoint.user(SecurityContext.NONE, "U").keys().get(0);
			assertThat(userKey.key()).isEqualTo("myapp:user:U");
			assertThat(userKey.exists()).isTrue();
			assertThat(userKey.size()).isGreaterThan(0);
			assertThat(userKey.value()).as("never shown by default").isNull();
		});
		this.contextRunner.withPropertyValues("management.endpoint.redisdb.show-values=always").run((context) -> {
			KeyDescriptor userKey = context.getBean(RedisDbEndpoint.class).user(SecurityContext.NONE, "U").keys().get(0);
			assertThat(userKey.value().getUser().data()).containsEntry("name", "Anna");
		});
	}

	@Test
	void whenAuthorizedShowsValuesOnlyToUsersInTheRoles() {
		this.contextRunner
			.withPropertyValues("management.endpoint.redisdb.show-values=when-authorized",
					"management.endpoint.redisdb.roles=ops")
			.run((context) -> {
				RedisUserStore store = context.getBean(RedisUserStore.class);
				StoredUser user = store.load("U");
				user.data().put("name", "Anna");
				store.save(user);
				RedisDbEndpoint endpoint = context.getBean(RedisDbEndpoint.class);
				assertThat(valueShownTo(endpoint, SecurityContext.NONE)).as("anonymous").isNull();
				assertThat(valueShownTo(endpoint, signedIn("support"))).as("without the role").isNull();
				assertThat(valueShownTo(endpoint, signedIn("ops")).getUser().data()).containsEntry("name", "Anna");
			});
	}

	private static @Nullable DbItem valueShownTo(RedisDbEndpoint endpoint, SecurityContext securityContext) {
		return endpoint.user(securityContext, "U").keys().get(0).value();
	}

	private static SecurityContext signedIn(String role) {
		return new SecurityContext() {

			@Override
			public Principal getPrincipal() {
				return () -> "operator";
			}

			@Override
			public boolean isUserInRole(String name) {
				return role.equals(name);
			}

		};
	}

	@Test
	void theEndpointErasesTheUser() {
		this.contextRunner.run((context) -> {
			RedisUserStore store = context.getBean(RedisUserStore.class);
			store.save(store.load("U"));
			store.save(store.load("other"));
			assertThat(context.getBean(RedisDbEndpoint.class).erase("U").removed())
				.containsExactlyInAnyOrder("myapp:user:U", "myapp:session:U", "myapp:history:U");
			assertThat(redis.server().<java.util.List<String>>call((commands) -> commands.keys("*:U"))).isEmpty();
			assertThat(redis.server().exists("myapp:user:other")).isTrue();
		});
	}

	@Test
	void theEndpointIsLeftOutWhenNotExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(context).doesNotHaveBean(RedisDbEndpoint.class));
	}

}

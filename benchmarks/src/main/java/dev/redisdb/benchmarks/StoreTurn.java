package dev.redisdb.benchmarks;

import java.util.List;
import java.util.Map;

import dev.redisdb.StoreOptions;
import dev.redisdb.RedisUserStore;
import dev.redisdb.StoredUser;
import dev.redisdb.autoconfigure.RedisDbAutoConfiguration;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

/**
 * A turn through {@link RedisUserStore} as an application gets it: auto-configured from {@code jovo.redis.*}, on the
 * store's own connection ({@code connection-string}) or the application's ({@code spring.data.redis.*}), with or
 * without Spring Boot's observation and Prometheus metrics auto-configuration.
 */
final class StoreTurn implements Turn {

	private static final List<Map<String, String>> OUTPUT = List.of(Map.of("message", "Hi"));

	private final AnnotationConfigApplicationContext context;

	private final RedisUserStore store;

	private final boolean withSessionAndHistory;

	StoreTurn(int port, StoreConfig config) {
		this(port, config, StoreConnection.OWN, false);
	}

	StoreTurn(int port, StoreConfig config, StoreConnection connection, boolean withMetrics) {
		this(config.springProperties(port, connection), config, withMetrics);
		StoreOptions bound = this.store.options();
		if (!bound.equals(config.options())) {
			throw new IllegalStateException("Bound " + bound + ", expected " + config.options());
		}
	}

	/**
	 * @param properties the application's properties
	 * @param config the configuration they describe
	 * @param withMetrics whether the application has observations and a Prometheus registry
	 */
	StoreTurn(Map<String, Object> properties, StoreConfig config, boolean withMetrics) {
		this.context = new AnnotationConfigApplicationContext();
		this.context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("benchmark", properties));
		this.context.register(withMetrics ? MeteredStoreApplication.class : StoreApplication.class);
		this.context.refresh();
		this.store = this.context.getBean(RedisUserStore.class);
		if (withMetrics && this.context.getBean(ObservationRegistry.class).isNoop()) {
			throw new IllegalStateException("No observation registry: the metrics variant would measure nothing");
		}
		this.withSessionAndHistory = config.hasSessionAndHistory();
	}

	/**
	 * Stores a user with the given data, as a first turn would.
	 * @param userId the user
	 * @param data the user's data
	 */
	void seed(String userId, Map<String, Object> data) {
		StoredUser user = this.store.load(userId);
		user.data().putAll(data);
		this.store.save(user);
	}

	@Override
	public int run(String userId, String intent) {
		StoredUser user = this.store.load(userId);
		int visits = ((Number) user.data().getOrDefault("visits", 0)).intValue() + 1;
		user.data().put("visits", visits);
		user.data().put("lastIntent", intent);
		if (this.withSessionAndHistory) {
			user.session().data().put("step", visits);
			user.currentTurn().put("output", OUTPUT);
		}
		this.store.save(user);
		return visits;
	}

	@Override
	public void close() {
		this.context.close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class })
	static class StoreApplication {

	}

	/** As an application with Actuator and a Prometheus registry: the store's observations become timers. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
			CompositeMeterRegistryAutoConfiguration.class, PrometheusMetricsExportAutoConfiguration.class,
			DataRedisAutoConfiguration.class, RedisDbAutoConfiguration.class })
	static class MeteredStoreApplication {

	}

}

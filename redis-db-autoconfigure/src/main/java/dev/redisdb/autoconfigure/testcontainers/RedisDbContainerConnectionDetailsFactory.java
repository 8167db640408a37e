package dev.redisdb.autoconfigure.testcontainers;

import java.util.List;

import com.redis.testcontainers.RedisContainer;
import com.redis.testcontainers.RedisStackContainer;
import dev.redisdb.autoconfigure.RedisDbConnectionDetails;
import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.Container;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * Makes {@code @ServiceConnection} on a Redis container give the store its {@link RedisDbConnectionDetails}, next to
 * the {@code DataRedisConnectionDetails} Spring Boot makes for the application: for a container of an image named
 * {@code redis} (or Redis Stack), such as a {@code GenericContainer}, and for any {@code RedisContainer} or
 * {@code RedisStackContainer} of {@code com.redis:testcontainers-redis}, the same containers Boot accepts. Loaded
 * only when Testcontainers and {@code spring-boot-testcontainers} are on the class path.
 */
class RedisDbContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<Container<?>, RedisDbConnectionDetails> {

	private static final List<String> REDIS_IMAGE_NAMES = List.of("redis", "redis/redis-stack",
			"redis/redis-stack-server");

	private static final int REDIS_PORT = 6379;

	RedisDbContainerConnectionDetailsFactory() {
		super(REDIS_IMAGE_NAMES);
	}

	@Override
	protected boolean sourceAccepts(ContainerConnectionSource<Container<?>> source, Class<?> requiredContainerType,
			Class<?> requiredConnectionDetailsType) {
		// RedisContainer may be missing: the factory then fails with NoClassDefFoundError, which Boot treats as no.
		return super.sourceAccepts(source, requiredContainerType, requiredConnectionDetailsType)
				|| source.accepts(ANY_CONNECTION_NAME, RedisContainer.class, requiredContainerType)
				|| source.accepts(ANY_CONNECTION_NAME, RedisStackContainer.class, requiredContainerType);
	}

	@Override
	protected RedisDbConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
		return new RedisDbContainerConnectionDetails(source);
	}

	/**
	 * The container's host and the port 6379 is mapped to, read when the connection is made, so after the container
	 * has started.
	 */
	static final class RedisDbContainerConnectionDetails extends ContainerConnectionDetails<Container<?>>
			implements RedisDbConnectionDetails {

		private RedisDbContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
			super(source);
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return super.getSslBundle();
		}

		@Override
		public Standalone getStandalone() {
			return Standalone.of(getContainer().getHost(), getContainer().getMappedPort(REDIS_PORT));
		}

	}

}

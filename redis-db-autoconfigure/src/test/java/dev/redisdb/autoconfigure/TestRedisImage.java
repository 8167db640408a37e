package dev.redisdb.autoconfigure;

import org.testcontainers.utility.DockerImageName;

/**
 * The Redis image of the container tests: {@code REDIS_DB_TEST_IMAGE} as a system property or environment variable
 * (CI builds one without a registry, see {@code .ci/docker-up}), else the official {@code redis:7.4}.
 */
final class TestRedisImage {

	static final String NAME = "REDIS_DB_TEST_IMAGE";

	private TestRedisImage() {
	}

	static DockerImageName get() {
		String name = System.getProperty(NAME, System.getenv().getOrDefault(NAME, "redis:7.4"));
		return DockerImageName.parse(name).asCompatibleSubstituteFor("redis");
	}

}

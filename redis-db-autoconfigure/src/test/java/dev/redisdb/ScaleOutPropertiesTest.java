package dev.redisdb;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Validation of the cluster and TLS settings: {@code hash-tag}, {@code cluster-non-atomic-writes},
 * {@code ssl-bundle}.
 */
class ScaleOutPropertiesTest {

	@Test
	void defaultsKeepJovoKeysAndAtomicWrites() {
		RedisDbProperties properties = RedisDbProperties.defaults();
		assertThat(properties.hashTag()).isFalse();
		assertThat(properties.clusterNonAtomicWrites()).isFalse();
		assertThat(properties.sslBundle()).isNull();
	}

	@Test
	void copiesKeepTheScaleOutSettings() {
		RedisDbProperties properties = RedisDbProperties.defaults()
			.toBuilder()
			.connectionString("rediss://127.0.0.1:6380")
			.hashTag(true)
			.clusterNonAtomicWrites(true)
			.sslBundle("redis")
			.build();
		RedisDbProperties copy = properties.withKeyPrefix("myapp").withEntries(List.of(RedisDbProperties.Entry
			.everything("all")));
		assertThat(copy.hashTag()).isTrue();
		assertThat(copy.clusterNonAtomicWrites()).isTrue();
		assertThat(copy.sslBundle()).isEqualTo("redis");
	}

	@Test
	void hashTagRejectsBracesInTheKeyPrefix() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RedisDbProperties.defaults().withKeyPrefix("my{app}").toBuilder().hashTag(true).build())
			.withMessage("Invalid configuration: jovo.redis.key-prefix 'my{app}' contains '{' or '}', which "
					+ "jovo.redis.hash-tag needs for the user id alone: Redis Cluster would hash the key by these "
					+ "braces; remove them, or turn jovo.redis.hash-tag off");
	}

	@Test
	void hashTagRejectsBracesInEntryIds() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RedisDbProperties.defaults()
				.withEntries(List.of(RedisDbProperties.Entry.everything("da{ta")))
				.toBuilder().hashTag(true).build())
			.withMessageStartingWith("Invalid configuration: jovo.redis.entries[0].id 'da{ta' contains '{' or '}'");
	}

	@Test
	void bracesInThePrefixAreFineWithoutHashTag() {
		assertThat(RedisDbProperties.defaults().withKeyPrefix("my{app}").keyPrefix()).isEqualTo("my{app}");
	}

	@Test
	void sslBundleNeedsAConnectionString() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RedisDbProperties.defaults().toBuilder().sslBundle("redis").build())
			.withMessage("Invalid configuration: jovo.redis.ssl-bundle 'redis' is set but "
					+ "jovo.redis.connection-string is not: the bundle applies to that connection only; for the "
					+ "application's connection use spring.data.redis.ssl.bundle");
	}

	@Test
	void sslBundleNeedsATlsConnectionStringAndNamesNoPassword() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RedisDbProperties.defaults()
				.toBuilder()
				.connectionString("redis://app:secret@127.0.0.1:6380")
				.sslBundle("redis")
				.build())
			.withMessage("Invalid configuration: jovo.redis.ssl-bundle 'redis' is set but "
					+ "jovo.redis.connection-string 'redis://app:****@127.0.0.1:6380' does not use TLS: start it "
					+ "with rediss:// (or rediss-sentinel://), or remove jovo.redis.ssl-bundle");
	}

	@Test
	void blankSslBundleMeansNone() {
		assertThat(RedisDbProperties.defaults().toBuilder().sslBundle(" ").build().sslBundle()).isNull();
	}

	@Test
	void configurationMetadataDescribesTheNewProperties() throws IOException {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
		for (String name : List.of("jovo.redis.hash-tag", "jovo.redis.cluster-non-atomic-writes",
				"jovo.redis.ssl-bundle")) {
			JsonNode property = metadata.get("properties")
				.valueStream()
				.filter((candidate) -> candidate.get("name").asString().equals(name))
				.findFirst()
				.orElseThrow(() -> new AssertionError(name + " is not in the metadata"));
			assertThat(property.get("description").asString()).as(name).isNotBlank();
			if (!name.endsWith("ssl-bundle")) {
				assertThat(property.get("defaultValue").asBoolean()).as(name).isFalse();
			}
		}
	}

}

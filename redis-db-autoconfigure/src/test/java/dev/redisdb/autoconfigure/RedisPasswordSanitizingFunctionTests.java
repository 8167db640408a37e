package dev.redisdb.autoconfigure;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.actuate.endpoint.SanitizableData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which names and values the Actuator sanitizing function masks, in every spelling Spring Boot binds.
 */
class RedisPasswordSanitizingFunctionTests {

	private final RedisPasswordSanitizingFunction function = new RedisPasswordSanitizingFunction();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			JOVO_REDIS_CONNECTION_STRING     | redis://default:s3cret@db:6379/2                 | redis://default:****@db:6379/2
			jovo.redis.connectionString      | redis://:s3cret@db:6379                          | redis://:****@db:6379
			REDIS_URL                        | rediss://app:s3cret@db.example:6380              | rediss://app:****@db.example:6380
			my.cache.url                     | redis-sentinel://:s3cret@s1:26379,s2:26379#main  | redis-sentinel://:****@s1:26379,s2:26379#main
			other                            | REDISS-SENTINEL://u:s3cret@s1:26379#main         | REDISS-SENTINEL://u:****@s1:26379#main
			token only                       | redis://s3cret@db:6379                           | redis://****@db:6379
			at sign in the password          | redis://u:s3@cret@db:6379                        | redis://u:****@db:6379
			sun.java.command                 | App --a=redis://u:s3cret@h:1 --b=rediss://:s3cret@h:2 | App --a=redis://u:****@h:1 --b=rediss://:****@h:2
			SPRING_APPLICATION_JSON          | {"url":"redis://u:s3cret@h:1"}                  | {"url":"redis://u:****@h:1"}
			no credentials                   | redis://db:6379                                  | redis://db:6379
			not redis                        | https://u:s3cret@example.com                     | https://u:s3cret@example.com
			""")
	void masksThePasswordOfEveryRedisUriUnderAnyName(String key, String value, String shown) {
		assertThat(this.function.apply(new SanitizableData(null, key, value)).getValue()).isEqualTo(shown);
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			SPRING_DATA_REDIS_PASSWORD
			spring.data.redis.password
			spring.data.redis.sentinel.password
			SPRING_DATA_REDIS_SENTINEL_PASSWORD
			spring.data.redis.cluster.password
			jovo.redis.password
			jovo.redis.encryption.keys.k2024
			JOVO_REDIS_ENCRYPTION_KEYS_K2024
			jovo.redis.encryption.keys[k2024]
			jovo.redis.encryption.keys
			""")
	void hidesRedisPasswordsAndEncryptionKeys(String key) {
		assertThat(this.function.apply(new SanitizableData(null, key, "s3cret")).getValue())
			.isEqualTo(SanitizableData.SANITIZED_VALUE);
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			spring.data.redis.username
			jovo.redis.encryption.active-key
			app.password-hint
			""")
	void leavesOtherValuesAlone(String key) {
		assertThat(this.function.apply(new SanitizableData(null, key, "k2024")).getValue()).isEqualTo("k2024");
	}

}

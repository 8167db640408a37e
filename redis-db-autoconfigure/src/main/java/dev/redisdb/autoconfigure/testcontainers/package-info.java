/**
 * Testcontainers support: {@code @ServiceConnection} on a Redis container wires the store's own connection
 * ({@link dev.redisdb.autoconfigure.RedisDbConnectionDetails}) as well as Spring Boot's. Used only where an
 * application's tests have Testcontainers and {@code spring-boot-testcontainers}.
 */
@NullMarked
package dev.redisdb.autoconfigure.testcontainers;

import org.jspecify.annotations.NullMarked;

/**
 * Real {@code redis-server} processes for tests, without Docker: {@link dev.redisdb.test.RedisServer} (standalone,
 * TLS, Sentinel), {@link dev.redisdb.test.RedisCluster}, and JUnit 5 extensions that start and stop them by PID.
 */
@NullMarked
package dev.redisdb.test;

import org.jspecify.annotations.NullMarked;

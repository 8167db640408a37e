/**
 * Spring Boot auto-configuration of the redis-db user store: {@link dev.redisdb.autoconfigure.RedisDbProperties}
 * bound from {@code jovo.redis.*}, the store's own connection, and the startup failure analysis.
 */
@NullMarked
package dev.redisdb.autoconfigure;

import org.jspecify.annotations.NullMarked;

/**
 * A Jovo-compatible Redis store of per-user data for voice and chat apps, without Spring Boot:
 * {@link dev.redisdb.RedisUserStore} and its {@link dev.redisdb.StoreOptions}, the hooks
 * {@link dev.redisdb.KeyStrategy}, {@link dev.redisdb.ValueCodec} and {@link dev.redisdb.ValueTransform}, a turn's
 * {@link dev.redisdb.StoredUser}, and the stored shape {@link dev.redisdb.DbItem}.
 */
@NullMarked
package dev.redisdb;

import org.jspecify.annotations.NullMarked;

/**
 * A Jovo-compatible Redis store of per-user data for voice and chat apps: {@link dev.redisdb.RedisUserStore}, its
 * hooks {@link dev.redisdb.KeyStrategy} and {@link dev.redisdb.ValueCodec}, and the stored shape
 * {@link dev.redisdb.DbItem}.
 */
package dev.redisdb;

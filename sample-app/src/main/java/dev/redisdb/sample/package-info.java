/**
 * A small Alexa skill that keeps its users' data in Redis through the redis-db starter: user data (visits and name)
 * in the encrypted {@code user} entry, a quiz in the {@code session} entry, the last answer in the {@code history}
 * entry, with hashed user ids in the keys.
 */
package dev.redisdb.sample;

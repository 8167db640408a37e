/**
 * Persistent attributes of Amazon's ASK SDK for Java in the user store: {@link
 * dev.redisdb.autoconfigure.asksdk.RedisPersistenceAdapter}, auto-configured when {@code ask-sdk-core} is on the
 * classpath.
 */
@NullMarked
package dev.redisdb.autoconfigure.asksdk;

import org.jspecify.annotations.NullMarked;

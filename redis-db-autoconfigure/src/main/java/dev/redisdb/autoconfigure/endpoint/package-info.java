/**
 * The Actuator endpoint {@code redisdb}: what the store holds about a user, and its erasure.
 */
@NullMarked
package dev.redisdb.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;

package dev.redisdb.autoconfigure.endpoint;

import java.util.Set;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the {@code redisdb} endpoint, bound from {@code management.endpoint.redisdb.*}.
 *
 * @param showValues When to show the decoded values of a user's keys, which may hold personal data: never, always,
 * or when-authorized (to a user in one of the roles).
 * @param roles Roles that see values when show-values is when-authorized; any authenticated user when empty.
 * @since 0.2.0
 */
@ConfigurationProperties("management.endpoint.redisdb")
public record RedisDbEndpointProperties(@DefaultValue("never") Show showValues, @DefaultValue Set<String> roles) {
}

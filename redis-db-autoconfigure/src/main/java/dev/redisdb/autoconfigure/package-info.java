/**
 * Spring Boot auto-configuration of the redis-db user store.
 */
package dev.redisdb.autoconfigure;

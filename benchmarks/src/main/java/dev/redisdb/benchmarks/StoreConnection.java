package dev.redisdb.benchmarks;

/** The connection a store variant reaches Redis through, as an application configures it. */
enum StoreConnection {

	/** The store's own connection, from {@code jovo.redis.connection-string}. */
	OWN,

	/** The application's connection, from {@code spring.data.redis.*} with Spring Boot's defaults. */
	APPLICATION

}

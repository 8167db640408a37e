package dev.redisdb.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A primary, one replica and three sentinels, each a {@link RedisServer} process on a free loopback port. The data
 * nodes require a password; the sentinels monitor the primary as {@value #MASTER_NAME} with quorum 2, call it down
 * after {@value #DOWN_AFTER_MILLIS} ms and give a failover {@value #FAILOVER_TIMEOUT_MILLIS} ms. Closing stops every
 * process by PID and deletes their directories.
 *
 * @since 0.2.0
 */
public final class RedisSentinelGroup implements AutoCloseable {

	public static final String MASTER_NAME = "mymaster";

	static final int DOWN_AFTER_MILLIS = 1000;

	static final int FAILOVER_TIMEOUT_MILLIS = 3000;

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

	private final List<RedisServer> dataNodes = new ArrayList<>();

	private final List<RedisServer> sentinels = new ArrayList<>();

	private RedisSentinelGroup() {
	}

	/**
	 * Starts the group and waits until the replica is in sync and every sentinel knows the replica and the two other
	 * sentinels, so that a failover can be agreed on.
	 * @param password the password of the data nodes
	 * @return the running group
	 */
	public static RedisSentinelGroup start(String password) {
		RedisSentinelGroup group = new RedisSentinelGroup();
		try {
			RedisServer primary = RedisServer.start("--requirepass", password, "--masterauth", password);
			group.dataNodes.add(primary);
			group.dataNodes.add(RedisServer.start("--requirepass", password, "--masterauth", password, "--replicaof",
					primary.host(), String.valueOf(primary.port())));
			String configuration = String.join("\n", "sentinel monitor " + MASTER_NAME + " " + primary.host() + " "
					+ primary.port() + " 2", "sentinel auth-pass " + MASTER_NAME + " " + password,
					"sentinel down-after-milliseconds " + MASTER_NAME + " " + DOWN_AFTER_MILLIS,
					"sentinel failover-timeout " + MASTER_NAME + " " + FAILOVER_TIMEOUT_MILLIS,
					"sentinel parallel-syncs " + MASTER_NAME + " 1", "");
			for (int i = 0; i < 3; i++) {
				group.sentinels.add(RedisServer.startSentinel(configuration));
			}
			group.awaitReady();
			return group;
		}
		catch (RuntimeException ex) {
			group.close();
			throw ex;
		}
	}

	/** @return the node started as primary */
	public RedisServer primary() {
		return this.dataNodes.get(0);
	}

	/** @return the node started as replica */
	public RedisServer replica() {
		return this.dataNodes.get(1);
	}

	/** @return {@code host:port} of every sentinel, comma-separated, for {@code spring.data.redis.sentinel.nodes} */
	public String sentinelNodes() {
		return String.join(",", this.sentinels.stream().map((sentinel) -> sentinel.host() + ":" + sentinel.port())
			.toList());
	}

	/** @return the port of the node the first reachable sentinel names as master */
	public int masterPort() {
		for (RedisServer sentinel : this.sentinels) {
			if (sentinel.isRunning()) {
				String address = masterInfo(sentinel).replaceAll(".*address=([^,]+),.*", "$1");
				return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
			}
		}
		throw new IllegalStateException("No sentinel is running");
	}

	@Override
	public void close() {
		this.sentinels.forEach(RedisServer::close);
		this.dataNodes.forEach(RedisServer::close);
	}

	private void awaitReady() {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		String state = "";
		while (System.nanoTime() < deadline) {
			state = replica().call((commands) -> commands.info("replication"));
			boolean ready = state.contains("master_link_status:up");
			for (RedisServer sentinel : this.sentinels) {
				String master = masterInfo(sentinel);
				ready &= master.contains("status=ok") && master.contains("slaves=1") && master.contains("sentinels=3");
				state += "\n" + master;
			}
			if (ready) {
				return;
			}
			sleep(100);
		}
		throw new IllegalStateException("Sentinel group not ready within " + READY_TIMEOUT + ": " + state);
	}

	/** @return the {@code masterN:name=mymaster,status=...,address=...,slaves=N,sentinels=N} line of INFO sentinel */
	private static String masterInfo(RedisServer sentinel) {
		String info = sentinel.call((commands) -> commands.info("sentinel"));
		for (String line : info.split("\r?\n")) {
			if (line.startsWith("master") && line.contains("name=" + MASTER_NAME + ",")) {
				return line;
			}
		}
		return "";
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

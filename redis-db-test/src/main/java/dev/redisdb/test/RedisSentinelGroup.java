package dev.redisdb.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

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

	/** @return the data node the sentinels name as master now */
	public RedisServer currentPrimary() {
		int port = masterPort();
		return this.dataNodes.stream()
			.filter((node) -> node.port() == port)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The sentinels name port " + port + ", no data node"));
	}

	/** @return the other data node */
	public RedisServer currentReplica() {
		RedisServer primary = currentPrimary();
		return this.dataNodes.stream().filter((node) -> node != primary).findFirst().orElseThrow();
	}

	/**
	 * Starts every killed data node again, on its port and empty, as a replica of the current primary, and waits
	 * until the group is ready for another failover.
	 */
	public void restartKilledNodes() {
		RedisServer primary = currentPrimary();
		for (RedisServer node : this.dataNodes) {
			if (!node.isRunning()) {
				node.restart();
				node.call((commands) -> commands.replicaof(primary.host(), primary.port()));
			}
		}
		awaitReady();
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

	/**
	 * Waits until every sentinel agrees on the primary, sees the three sentinels and a replica it does not consider
	 * down, and the replica is in sync with the primary: then a failover can be agreed on.
	 */
	private void awaitReady() {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		String state = "";
		while (System.nanoTime() < deadline) {
			state = "";
			try {
				int port = masterPort();
				RedisServer replica = this.dataNodes.stream().filter((node) -> node.port() != port).findFirst()
					.orElseThrow();
				String replication = replica.call((commands) -> commands.info("replication"));
				boolean ready = replication.lines().anyMatch(("master_port:" + port)::equals)
						&& replication.lines().anyMatch("master_link_status:up"::equals);
				state = replication;
				for (RedisServer sentinel : this.sentinels) {
					String master = masterInfo(sentinel);
					List<String> replicaFlags = replicaFlags(sentinel);
					ready &= master.contains("status=ok") && master.contains(":" + port + ",")
							&& master.contains("sentinels=3") && !replicaFlags.isEmpty()
							&& replicaFlags.stream().allMatch("slave"::equals);
					state += "\n" + master + " replicas " + replicaFlags;
				}
				if (ready) {
					return;
				}
			}
			catch (RuntimeException notYet) {
				state += "\n" + notYet.getMessage();
			}
			sleep(100);
		}
		throw new IllegalStateException("Sentinel group not ready within " + READY_TIMEOUT + ": " + state);
	}

	/** @return the {@code flags} of each replica a sentinel knows ({@code SENTINEL REPLICAS}) */
	private static List<String> replicaFlags(RedisServer sentinel) {
		List<Object> replicas = sentinel.call((commands) -> commands.dispatch(CommandType.SENTINEL,
				new NestedMultiOutput<>(StringCodec.UTF8),
				new CommandArgs<>(StringCodec.UTF8).add("REPLICAS").add(MASTER_NAME)));
		List<String> flags = new ArrayList<>();
		for (Object replica : replicas) {
			List<?> fields = (List<?>) replica;
			for (int i = 0; i + 1 < fields.size(); i += 2) {
				if ("flags".equals(fields.get(i))) {
					flags.add(String.valueOf(fields.get(i + 1)));
				}
			}
		}
		return flags;
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

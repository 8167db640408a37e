package dev.redisdb.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.cluster.SlotHash;

/**
 * A real Redis Cluster of three masters without replicas, each a {@link RedisServer} on free loopback ports (data
 * port and cluster bus port), joined with {@code redis-cli --cluster create}. Started once per JVM by
 * {@link RedisClusterExtension} and stopped, by PID, when the test run ends.
 *
 * @since 0.2.0
 */
public final class RedisCluster implements AutoCloseable {

	private static final Duration STATE_TIMEOUT = Duration.ofSeconds(20);

	private final List<RedisServer> masters;

	private RedisCluster(List<RedisServer> masters) {
		this.masters = List.copyOf(masters);
	}

	/**
	 * Starts three masters, assigns the 16384 slots among them and waits until every node reports
	 * {@code cluster_state:ok}.
	 * @return the running cluster
	 */
	public static RedisCluster start() {
		List<RedisServer> masters = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				masters.add(RedisServer.start("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
						"--cluster-port", String.valueOf(RedisServer.freePort())));
			}
			List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
			masters.forEach((master) -> create.add(master.host() + ":" + master.port()));
			create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
			run(create);
			RedisCluster cluster = new RedisCluster(masters);
			cluster.awaitStateOk();
			return cluster;
		}
		catch (RuntimeException ex) {
			masters.forEach(RedisServer::close);
			throw ex;
		}
	}

	/** @return the masters, in creation order */
	public List<RedisServer> masters() {
		return this.masters;
	}

	/** @return {@code host:port} of every master, for {@code spring.data.redis.cluster.nodes} */
	public List<String> nodes() {
		return this.masters.stream().map((master) -> master.host() + ":" + master.port()).toList();
	}

	/**
	 * @param key a key
	 * @return the master that serves the key's hash slot
	 */
	public RedisServer masterFor(String key) {
		int slot = SlotHash.getSlot(key);
		for (RedisServer master : this.masters) {
			// CLUSTER NODES, own line: <id> <ip:port@bus> myself,master - 0 0 <epoch> connected <from>-<to> ...
			for (String range : nodesLine(master).split(" ")) {
				if (range.matches("\\d+-\\d+")) {
					String[] bounds = range.split("-");
					if (slot >= Integer.parseInt(bounds[0]) && slot <= Integer.parseInt(bounds[1])) {
						return master;
					}
				}
			}
		}
		throw new IllegalStateException("No master serves slot " + slot + " of key '" + key + "'");
	}

	/** Empties every master. */
	public void flushAll() {
		this.masters.forEach(RedisServer::flushAll);
	}

	/** Resets {@code INFO commandstats} on every master. */
	public void resetStats() {
		this.masters.forEach((master) -> master.call((commands) -> commands.configResetstat()));
	}

	/**
	 * Kills a master (SIGKILL) and starts it again on the same ports with the cluster configuration file it wrote,
	 * so it keeps its node id and slots: no failover (there are no replicas). Waits until every node reports
	 * {@code cluster_state:ok} again.
	 * @param master one of {@link #masters()}
	 */
	public void restart(RedisServer master) {
		master.restart();
		awaitStateOk();
	}

	/** Waits until every master reports {@code cluster_state:ok}. */
	public void awaitStateOk() {
		long deadline = System.nanoTime() + STATE_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (this.masters.stream()
				.allMatch((master) -> master.call((commands) -> commands.clusterInfo()).contains("cluster_state:ok"))) {
				return;
			}
			sleep(50);
		}
		throw new IllegalStateException("Cluster not ok within " + STATE_TIMEOUT + ": "
				+ this.masters.get(0).call((commands) -> commands.clusterInfo()));
	}

	@Override
	public void close() {
		this.masters.forEach(RedisServer::close);
	}

	private static String nodesLine(RedisServer master) {
		String nodes = master.call((commands) -> commands.clusterNodes());
		for (String line : nodes.split("\n")) {
			if (line.contains("myself")) {
				return line.trim();
			}
		}
		throw new IllegalStateException("CLUSTER NODES has no 'myself' line: " + nodes);
	}

	private static void run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " failed: "
						+ new String(output, StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run redis-cli: is it installed and on the PATH?", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + command, ex);
		}
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

package dev.redisdb.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.lettuce.core.cluster.SlotHash;

/**
 * A real Redis Cluster of three masters, without replicas or with some per master, each node a {@link RedisServer}
 * on free loopback ports (data port and cluster bus port), joined with {@code redis-cli --cluster create}. The
 * cluster without replicas is started once per JVM by {@link RedisClusterExtension} and stopped, by PID, when the
 * test run ends; one with replicas, for failover tests, is started and closed by the test that kills its nodes.
 *
 * @since 0.2.0
 */
public final class RedisCluster implements AutoCloseable {

	private static final Duration STATE_TIMEOUT = Duration.ofSeconds(20);

	private static final int MASTERS = 3;

	private final List<RedisServer> nodes;

	private final int replicasPerMaster;

	private RedisCluster(List<RedisServer> nodes, int replicasPerMaster) {
		this.nodes = List.copyOf(nodes);
		this.replicasPerMaster = replicasPerMaster;
	}

	/**
	 * Starts three masters without replicas, assigns the 16384 slots among them and waits until every node reports
	 * {@code cluster_state:ok}.
	 * @return the running cluster
	 */
	public static RedisCluster start() {
		return start(0);
	}

	/**
	 * Starts three masters and {@code replicasPerMaster} replicas of each, assigns the 16384 slots among the masters
	 * and waits until every node reports {@code cluster_state:ok}, knows every other node, and every replica is in
	 * sync with its master.
	 * @param replicasPerMaster how many replicas each master gets, 0 or more
	 * @param serverArguments further {@code redis-server} arguments for every node, e.g.
	 * {@code "--cluster-node-timeout", "2000"}
	 * @return the running cluster
	 */
	public static RedisCluster start(int replicasPerMaster, String... serverArguments) {
		List<RedisServer> nodes = new ArrayList<>();
		try {
			for (int i = 0; i < MASTERS * (1 + replicasPerMaster); i++) {
				List<String> arguments = new ArrayList<>(List.of("--cluster-enabled", "yes", "--cluster-config-file",
						"nodes.conf", "--cluster-port", String.valueOf(RedisServer.freePort())));
				arguments.addAll(List.of(serverArguments));
				nodes.add(RedisServer.start(arguments.toArray(String[]::new)));
			}
			List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
			nodes.forEach((node) -> create.add(node.host() + ":" + node.port()));
			create.addAll(List.of("--cluster-replicas", String.valueOf(replicasPerMaster), "--cluster-yes"));
			run(create);
			RedisCluster cluster = new RedisCluster(nodes, replicasPerMaster);
			cluster.awaitStateOk();
			if (replicasPerMaster > 0) {
				cluster.awaitReplicasInSync();
			}
			return cluster;
		}
		catch (RuntimeException ex) {
			nodes.forEach(RedisServer::close);
			throw ex;
		}
	}

	/** @return the running nodes that are masters now, in creation order */
	public List<RedisServer> masters() {
		if (this.replicasPerMaster == 0) {
			return this.nodes;
		}
		return withRole("master");
	}

	/** @return the running nodes that are replicas now, in creation order */
	public List<RedisServer> replicas() {
		if (this.replicasPerMaster == 0) {
			return List.of();
		}
		return withRole("slave");
	}

	/**
	 * @param master one of {@link #masters()}
	 * @return the running replicas of that master
	 */
	public List<RedisServer> replicasOf(RedisServer master) {
		String id = master.call((commands) -> commands.clusterMyId());
		return replicas().stream().filter((replica) -> nodesLine(replica).split(" ")[3].equals(id)).toList();
	}

	/** @return {@code host:port} of every node, for {@code spring.data.redis.cluster.nodes} */
	public List<String> nodes() {
		return this.nodes.stream().map((node) -> node.host() + ":" + node.port()).toList();
	}

	/**
	 * @param key a key
	 * @return the master that serves the key's hash slot now
	 */
	public RedisServer masterFor(String key) {
		int slot = SlotHash.getSlot(key);
		for (RedisServer master : masters()) {
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

	/** Empties every master (and so its replicas). */
	public void flushAll() {
		masters().forEach(RedisServer::flushAll);
	}

	/** Resets {@code INFO commandstats} on every master. */
	public void resetStats() {
		masters().forEach((master) -> master.call((commands) -> commands.configResetstat()));
	}

	/**
	 * Kills a master (SIGKILL) and starts it again on the same ports with the cluster configuration file it wrote,
	 * so it keeps its node id and, in a cluster without replicas, its slots: no failover. Waits until every node
	 * reports {@code cluster_state:ok} again.
	 * @param master one of {@link #masters()}
	 */
	public void restart(RedisServer master) {
		master.restart();
		awaitStateOk();
	}

	/**
	 * Waits until a running master other than {@code failed} serves the key's hash slot (a replica of the failed
	 * master was promoted) and every running node reports {@code cluster_state:ok}.
	 * @param key a key the failed master served
	 * @param failed the master that was killed
	 * @return the master that serves the key now
	 */
	public RedisServer awaitNewMasterFor(String key, RedisServer failed) {
		long deadline = System.nanoTime() + STATE_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				RedisServer master = masterFor(key);
				if (master != failed && running().allMatch(RedisCluster::isStateOk)) {
					return master;
				}
			}
			catch (RuntimeException notYet) {
				// no running master serves the slot yet, or a node changed its role while asked
			}
			sleep(50);
		}
		throw new IllegalStateException("No replica took over the slot of '" + key + "' within " + STATE_TIMEOUT
				+ ": " + clusterNodes());
	}

	/** Waits until every running node reports {@code cluster_state:ok}. */
	public void awaitStateOk() {
		long deadline = System.nanoTime() + STATE_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (running().allMatch(RedisCluster::isStateOk)) {
				return;
			}
			sleep(50);
		}
		throw new IllegalStateException("Cluster not ok within " + STATE_TIMEOUT + ": "
				+ running().findFirst().map((node) -> node.call((commands) -> commands.clusterInfo())).orElse(""));
	}

	/** Stops every node, by PID, and deletes their directories. */
	@Override
	public void close() {
		this.nodes.forEach(RedisServer::close);
	}

	private void awaitReplicasInSync() {
		long deadline = System.nanoTime() + STATE_TIMEOUT.toNanos();
		String known = "cluster_known_nodes:" + this.nodes.size();
		while (System.nanoTime() < deadline) {
			List<RedisServer> replicas = replicas();
			if (replicas.size() == MASTERS * this.replicasPerMaster
					&& this.nodes.stream().allMatch((node) -> node.call((commands) -> commands.clusterInfo()).contains(known))
					&& replicas.stream().allMatch((replica) -> replica.call((commands) -> commands.info("replication"))
						.contains("master_link_status:up"))) {
				return;
			}
			sleep(100);
		}
		throw new IllegalStateException("Replicas not in sync within " + STATE_TIMEOUT + ": " + clusterNodes());
	}

	/** @return the running nodes whose own {@code CLUSTER NODES} line carries the flag, in creation order */
	private List<RedisServer> withRole(String flag) {
		return running().filter((node) -> List.of(nodesLine(node).split(" ")[2].split(",")).contains(flag)).toList();
	}

	private Stream<RedisServer> running() {
		return this.nodes.stream().filter(RedisServer::isRunning);
	}

	private String clusterNodes() {
		return running().findFirst().map((node) -> node.call((commands) -> commands.clusterNodes())).orElse("");
	}

	private static boolean isStateOk(RedisServer node) {
		return node.call((commands) -> commands.clusterInfo()).contains("cluster_state:ok");
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

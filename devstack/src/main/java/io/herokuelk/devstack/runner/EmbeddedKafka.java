package io.herokuelk.devstack.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka 4 broker in KRaft combined mode (broker and controller in one node), running inside this JVM.
 *
 * <p>This is the only class that touches Kafka's internal server APIs. With port 0 it picks free loopback ports and
 * retries when another process takes one first; with fixed ports it fails with a clear message when one is taken.
 * Data kept in the given directory survives a restart.
 */
public final class EmbeddedKafka implements LocalService {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int START_ATTEMPTS = 3;

    /**
     * Where a broker stands in its cluster: its node id, the controller quorum ({@code id@host:port,...}, empty for
     * a broker of its own), the cluster id the quorum shares, and how many brokers there are (which sets the internal
     * topics' replication and the defaults for new topics: 3 replicas and {@code min.insync.replicas=2} from 3).
     */
    public record Membership(int nodeId, String voters, String clusterId, int brokers) {
        static final Membership ALONE = new Membership(1, "", "", 1);

        int replicas() {
            return Math.min(3, brokers);
        }

        int minInSync() {
            return brokers >= 3 ? 2 : 1;
        }
    }

    private final Path dataDirectory;
    private final int requestedPort;
    private final int requestedControllerPort;
    private final Map<String, String> overrides;
    private final Membership membership;
    private KafkaRaftServer server;
    private int port;

    /** A broker on free ports. */
    public EmbeddedKafka(Path dataDirectory) {
        this(dataDirectory, 0, 0);
    }

    public EmbeddedKafka(Path dataDirectory, int port, int controllerPort) {
        this(dataDirectory, port, controllerPort, Map.of());
    }

    /** A broker on free ports with some broker settings of the caller's (a topic policy, say). */
    public EmbeddedKafka(Path dataDirectory, Map<String, String> overrides) {
        this(dataDirectory, 0, 0, overrides);
    }

    private EmbeddedKafka(Path dataDirectory, int port, int controllerPort, Map<String, String> overrides) {
        this(dataDirectory, port, controllerPort, overrides, Membership.ALONE);
    }

    /** A broker of a cluster on fixed ports ({@link KafkaCluster}). */
    public EmbeddedKafka(
            Path dataDirectory, int port, int controllerPort, Map<String, String> overrides, Membership membership) {
        this.dataDirectory = dataDirectory;
        this.requestedPort = port;
        this.requestedControllerPort = controllerPort;
        this.overrides = Map.copyOf(overrides);
        this.membership = membership;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public synchronized void start() throws ServiceStartException {
        if (server != null) {
            return;
        }
        Ports.requireFree(requestedPort, "Kafka", "KAFKA_PORT");
        Ports.requireFree(requestedControllerPort, "Kafka's controller", "KAFKA_CONTROLLER_PORT");
        RuntimeException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int brokerPort = requestedPort == 0 ? Ports.free() : requestedPort;
            int controllerPort = requestedControllerPort == 0 ? Ports.free() : requestedControllerPort;
            try {
                startOn(brokerPort, controllerPort);
                port = brokerPort;
                LOG.info("Kafka broker is up at {} with data in {}.", address(), dataDirectory);
                return;
            } catch (RuntimeException e) {
                last = e;
                stopQuietly();
                if (requestedPort != 0 || !isBindFailure(e)) {
                    break;
                }
                LOG.warn("A port was taken before the broker could bind it; retrying on other ports.");
            }
        }
        throw new ServiceStartException(
                "The Kafka broker did not start (data in " + dataDirectory + "): " + last, last);
    }

    private void startOn(int brokerPort, int controllerPort) {
        Properties properties = properties(brokerPort, controllerPort);
        formatOnce(properties);
        KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server = raftServer;
        raftServer.startup();
    }

    private Properties properties(int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("node.id", String.valueOf(membership.nodeId()));
        p.put("process.roles", "broker,controller");
        p.put(
                "controller.quorum.voters",
                membership.voters().isEmpty()
                        ? membership.nodeId() + "@127.0.0.1:" + controllerPort
                        : membership.voters());
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDirectory.toString());
        // One broker: every internal topic has one replica. Three or more: three, and two must be in sync for a
        // write to count, as a production cluster runs (one broker may fail without losing an acknowledged record).
        String replicas = String.valueOf(membership.replicas());
        String minInSync = String.valueOf(membership.minInSync());
        p.put("offsets.topic.replication.factor", replicas);
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", replicas);
        p.put("transaction.state.log.min.isr", minInSync);
        p.put("share.coordinator.state.topic.replication.factor", replicas);
        p.put("share.coordinator.state.topic.min.isr", minInSync);
        p.put("default.replication.factor", replicas);
        p.put("min.insync.replicas", minInSync);
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        p.putAll(overrides);
        return p;
    }

    /** Formats the storage directory the first time only, so that a restart keeps its data. */
    private void formatOnce(Properties properties) {
        if (Files.exists(dataDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(membership.nodeId())
                    .setClusterId(
                            membership.clusterId().isEmpty() ? Uuid.randomUuid().toString() : membership.clusterId())
                    .setDirectories(Set.of(dataDirectory.toString()))
                    .setMetadataLogDirectory(dataDirectory.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Formatting the Kafka storage in " + dataDirectory + " failed", e);
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException
                    || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized String address() {
        if (server == null) {
            throw new IllegalStateException("Kafka is not running");
        }
        return "127.0.0.1:" + port;
    }

    @Override
    public Path logFile() {
        // In this JVM the broker logs through this JVM's own logging.
        return null;
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        stopQuietly();
    }

    private void stopQuietly() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("The Kafka broker did not shut down cleanly.", e);
        } finally {
            server = null;
        }
    }
}

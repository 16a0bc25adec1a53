package io.herokuelk.devstack.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Several Kafka brokers on loopback forming one KRaft cluster (each a broker and a controller, as separate processes),
 * as production runs Kafka: 3 brokers give every topic 3 replicas with {@code min.insync.replicas=2} by default.
 * Brokers start together (a controller quorum needs a majority before any broker is ready); each can be killed and
 * restarted on its own data.
 */
public final class KafkaCluster implements LocalService {

    private final List<KafkaProcess> brokers = new ArrayList<>();

    /**
     * @param directory one sub-folder per broker ({@code broker-1}, ...)
     * @param brokers   how many, at least 2
     * @param firstPort the first broker's client port, or 0 for free ones (controller ports likewise follow on)
     * @param heap      each broker's heap, such as {@code 384m}
     */
    public KafkaCluster(Path directory, int brokers, int firstPort, String heap) {
        if (brokers < 2) {
            throw new IllegalArgumentException("A cluster has at least 2 brokers, not " + brokers);
        }
        int[] ports = new int[brokers];
        int[] controllers = new int[brokers];
        for (int i = 0; i < brokers; i++) {
            ports[i] = firstPort == 0 ? Ports.free() : firstPort + i;
            controllers[i] = firstPort == 0 ? Ports.free() : firstPort + brokers + i;
        }
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < brokers; i++) {
            voters.add((i + 1) + "@127.0.0.1:" + controllers[i]);
        }
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        for (int i = 0; i < brokers; i++) {
            this.brokers.add(new KafkaProcess(
                    directory.resolve("broker-" + (i + 1)),
                    ports[i],
                    controllers[i],
                    heap,
                    new EmbeddedKafka.Membership(i + 1, String.join(",", voters), clusterId, brokers)));
        }
    }

    @Override
    public String name() {
        return "kafka (" + brokers.size() + " brokers)";
    }

    @Override
    public void start() throws ServiceStartException {
        Members.startTogether(brokers, "A Kafka broker", this);
    }

    /** Every broker's address, as {@code bootstrap.servers} takes them. */
    @Override
    public String address() {
        return brokers.stream().map(KafkaProcess::address).collect(Collectors.joining(","));
    }

    /** The broker with this node id (1-based). */
    public KafkaProcess broker(int nodeId) {
        return brokers.get(nodeId - 1);
    }

    public List<KafkaProcess> brokers() {
        return List.copyOf(brokers);
    }

    @Override
    public Path logFile() {
        return brokers.getFirst().logFile();
    }

    @Override
    public boolean isRunning() {
        return brokers.stream().allMatch(KafkaProcess::isRunning);
    }

    @Override
    public void close() {
        brokers.reversed().forEach(KafkaProcess::close);
    }
}

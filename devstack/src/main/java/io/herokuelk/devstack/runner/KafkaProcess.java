package io.herokuelk.devstack.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Kafka broker as a child process ({@link KafkaServerMain} on this JVM's classpath), for the local stack:
 * its data lives in a directory of the caller's, its log beside it, and it stops when this JVM does.
 */
public final class KafkaProcess extends ProcessService {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final int port;
    private final int controllerPort;
    private final String heap;
    private final EmbeddedKafka.Membership membership;
    private int logLinesBeforeStart;

    /**
     * @param directory data and log directory, reused across restarts
     * @param port      the client port, or 0 for a free one (likewise the controller port)
     * @param heap      the broker's maximum heap, such as {@code 512m}
     */
    public KafkaProcess(Path directory, int port, int controllerPort, String heap) {
        this(directory, port, controllerPort, heap, EmbeddedKafka.Membership.ALONE);
    }

    /** A broker of a cluster ({@link KafkaCluster}). */
    public KafkaProcess(
            Path directory, int port, int controllerPort, String heap, EmbeddedKafka.Membership membership) {
        super(membership.brokers() == 1 ? "kafka" : "kafka-" + membership.nodeId(), directory, STOP_GRACE);
        this.port = port;
        this.controllerPort = controllerPort;
        this.heap = heap;
        this.membership = membership;
    }

    public EmbeddedKafka.Membership membership() {
        return membership;
    }

    @Override
    public synchronized void start() throws ServiceStartException {
        if (isRunning()) {
            return;
        }
        Ports.requireFree(port, "Kafka", "KAFKA_PORT");
        Ports.requireFree(controllerPort, "Kafka's controller", "KAFKA_CONTROLLER_PORT");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(
                java.toString(),
                "-Xms128m",
                "-Xmx" + heap,
                "-XX:+UseG1GC",
                "-Dlogback.configurationFile=heroku-elk-kafka-logback.xml",
                "-cp",
                System.getProperty("java.class.path"),
                KafkaServerMain.class.getName(),
                directory.resolve("data").toString(),
                String.valueOf(port),
                String.valueOf(controllerPort)));
        if (membership.brokers() > 1) {
            command.addAll(List.of(
                    String.valueOf(membership.nodeId()),
                    membership.voters(),
                    membership.clusterId(),
                    String.valueOf(membership.brokers())));
        }
        logLinesBeforeStart = lineCount(logFile());
        launch(command, Map.of());
        awaitReady();
    }

    private void awaitReady() throws ServiceStartException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> ready = readyAddress();
            if (ready.isPresent()) {
                ready(ready.get());
                return;
            }
            if (!child().isAlive()) {
                throw failed("The Kafka process exited while starting.");
            }
            Sleep.millis(200);
        }
        throw failed("Kafka did not become ready within " + START_TIMEOUT.toSeconds()
                + " s. Check free memory (`free -m`) and the log.");
    }

    /** The address from this start's ready line (the log is appended to across restarts). */
    private Optional<String> readyAddress() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return lines.subList(logLinesBeforeStart, lines.size()).stream()
                    .filter(line -> line.startsWith(KafkaServerMain.READY))
                    .map(line -> line.substring(KafkaServerMain.READY.length()).trim())
                    .findFirst();
        } catch (IOException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static int lineCount(Path file) {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return (int) lines.count();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public Path logFile() {
        return directory.resolve("kafka.log");
    }
}

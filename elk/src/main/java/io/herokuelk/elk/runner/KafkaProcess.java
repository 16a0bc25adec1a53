package io.herokuelk.elk.runner;

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
public final class KafkaProcess implements LocalService {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final String heap;
    private ChildProcess child;
    private String address;
    private int logLinesBeforeStart;

    /**
     * @param directory data and log directory, reused across restarts
     * @param port      the client port, or 0 for a free one (likewise the controller port)
     * @param heap      the broker's maximum heap, such as {@code 512m}
     */
    public KafkaProcess(Path directory, int port, int controllerPort, String heap) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.heap = heap;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public synchronized void start() throws ServiceStartException {
        if (child != null && child.isAlive()) {
            return;
        }
        Ports.requireFree(port, "Kafka", "KAFKA_PORT");
        Ports.requireFree(controllerPort, "Kafka's controller", "KAFKA_CONTROLLER_PORT");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-Xms128m", "-Xmx" + heap, "-XX:+UseG1GC",
                "-Dlogback.configurationFile=heroku-elk-kafka-logback.xml",
                "-cp", System.getProperty("java.class.path"), KafkaServerMain.class.getName(),
                directory.resolve("data").toString(), String.valueOf(port), String.valueOf(controllerPort));
        try {
            Files.createDirectories(directory);
            logLinesBeforeStart = lineCount(logFile());
            child = ChildProcess.start(command, Map.of(), directory, logFile());
        } catch (IOException e) {
            throw new ServiceStartException("Could not launch the Kafka process: " + e.getMessage(), e);
        }
        awaitReady();
    }

    private void awaitReady() throws ServiceStartException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> ready = readyAddress();
            if (ready.isPresent()) {
                address = ready.get();
                return;
            }
            if (!child.isAlive()) {
                throw ServiceStartException.withLog("The Kafka process exited while starting.", logFile(), null);
            }
            Sleep.millis(200);
        }
        child.stop(STOP_GRACE);
        throw ServiceStartException.withLog("Kafka did not become ready within " + START_TIMEOUT.toSeconds()
                + " s. Check free memory (`free -m`) and the log.", logFile(), null);
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
    public synchronized String address() {
        if (address == null) {
            throw new IllegalStateException("Kafka is not running");
        }
        return address;
    }

    @Override
    public Path logFile() {
        return directory.resolve("kafka.log");
    }

    @Override
    public synchronized boolean isRunning() {
        return child != null && child.isAlive();
    }

    /** The process id, for checks that it stops with its parent. */
    public synchronized long pid() {
        return child.pid();
    }

    @Override
    public synchronized void close() {
        if (child != null) {
            child.stop(STOP_GRACE);
            child = null;
            address = null;
        }
    }
}

package io.herokuelk.bench.faults;

import com.sun.net.httpserver.HttpServer;
import io.herokuelk.bench.Directories;
import io.herokuelk.devstack.runner.ElasticsearchCluster;
import io.herokuelk.devstack.runner.ElasticsearchProcess;
import io.herokuelk.devstack.runner.KafkaCluster;
import io.herokuelk.devstack.runner.KafkaProcess;
import io.herokuelk.devstack.runner.LocalService;
import io.herokuelk.devstack.runner.Ports;
import io.herokuelk.devstack.runner.ProcessService;
import io.herokuelk.devstack.stack.LocalStack;
import io.herokuelk.devstack.stack.StackSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The real pipeline for the fault suite, as {@code ./dev stack} runs it (the broker or brokers, the node or nodes,
 * {@code shipper.jar setup}, {@code ingest}, {@code index}, {@code alert} as processes), on free ports in a folder
 * of its own, with a webhook that keeps what the alerter sends.
 */
final class FaultStack implements AutoCloseable {

    static final String CREDENTIALS = "logplex:fault-suite-password-0123456789";

    private final LocalStack stack;
    private final List<List<LocalService>> stages;
    private final StackSettings settings;
    private final HttpServer webhook;
    private final List<String> alerts = new CopyOnWriteArrayList<>();

    FaultStack(Path directory, Path shipperJar, int brokers, int nodes) throws IOException {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/alerts", exchange -> {
            try (exchange) {
                alerts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        webhook.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        webhook.start();
        // Each suite starts from empty stores, so one run's documents never stand in for another's.
        Directories.deleteQuietly(directory);
        Files.createDirectories(directory);
        Path rules = directory.resolve("alert-rules.yml");
        // R14 resolves 20 s after its last line with memory back under quota: the alerter scenario waits for it.
        Files.writeString(rules, """
                rules:
                  - name: r14
                    type: r14
                    clear_after: 20s
                    cooldown: 1s
                """);
        settings = new StackSettings(
                directory, Ports.free(), Ports.free(), 384, Ports.free(), 384, Ports.free(), brokers, nodes);
        stages = LocalStack.services(
                settings,
                shipperJar,
                CREDENTIALS,
                Map.of(
                        "ALERT_WEBHOOK_URL",
                        "http://127.0.0.1:" + webhook.getAddress().getPort() + "/alerts",
                        "ALERT_RULES_FILE",
                        rules.toString()));
        stack = new LocalStack(stages, "", System.out);
    }

    void start() throws Exception {
        stack.start();
    }

    /** The service of this name: {@code ingest}, {@code indexer}, {@code alerter}. */
    ProcessService process(String name) {
        return (ProcessService) stages.stream()
                .flatMap(List::stream)
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    LocalService kafka() {
        return stages.getFirst().get(0);
    }

    LocalService elasticsearch() {
        return stages.getFirst().get(1);
    }

    KafkaCluster kafkaCluster() {
        return (KafkaCluster) kafka();
    }

    ElasticsearchCluster elasticsearchCluster() {
        return (ElasticsearchCluster) elasticsearch();
    }

    boolean replicated() {
        return kafka() instanceof KafkaCluster;
    }

    /** Stops or kills the single broker or node (they are one process each on the single-node stack). */
    KafkaProcess broker() {
        return (KafkaProcess) kafka();
    }

    ElasticsearchProcess node() {
        return (ElasticsearchProcess) elasticsearch();
    }

    URI drain() {
        return URI.create("http://127.0.0.1:" + settings.shipperPort());
    }

    URI elasticsearchUrl() {
        return URI.create(elasticsearch().address());
    }

    String bootstrap() {
        return kafka().address();
    }

    List<String> alerts() {
        return List.copyOf(alerts);
    }

    @Override
    public void close() {
        stack.stop();
        webhook.stop(0);
    }
}

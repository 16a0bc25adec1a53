package io.herokuelk.devstack.stack;

import io.herokuelk.devstack.runner.ElasticsearchCluster;
import io.herokuelk.devstack.runner.ElasticsearchProcess;
import io.herokuelk.devstack.runner.JavaProcess;
import io.herokuelk.devstack.runner.KafkaCluster;
import io.herokuelk.devstack.runner.KafkaProcess;
import io.herokuelk.devstack.runner.LocalService;
import io.herokuelk.devstack.runner.Ports;
import io.herokuelk.devstack.runner.ServiceStartException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The local stack ({@code ./dev run}): real Kafka and Elasticsearch as processes with their data under one folder,
 * kept across restarts, until Ctrl-C stops everything. Services start in the order of {@link #services}, those in
 * one stage together; more stages (the shipper, the app) join the same list.
 */
public final class LocalStack {

    public static final String SHIPPER_JAR_PROPERTY = "heroku-elk.shipper.jar";

    private final List<List<LocalService>> stages;
    private final List<LocalService> started = new ArrayList<>();
    private volatile boolean stopping;
    private final PrintStream out;

    /** How a shell names the drain credentials, never their value: the variable, or the file they were made in. */
    private final String credentialsInShell;

    public LocalStack(List<List<LocalService>> stages, String credentialsInShell, PrintStream out) {
        this.credentialsInShell = credentialsInShell;
        this.stages = stages;
        this.out = out;
    }

    /**
     * What the stack runs, stage by stage: the services, then the shipper's one-shot setup, then its processes.
     * The shipper gets the alert settings found in {@code environment} (see {@link #passedThrough}).
     */
    public static List<List<LocalService>> services(
            StackSettings settings, Path shipperJar, String drainCredentials, Map<String, String> environment) {
        LocalService kafka = settings.kafkaBrokers() == 1
                ? new KafkaProcess(
                        settings.directory().resolve("kafka"),
                        settings.kafkaPort(),
                        settings.kafkaControllerPort(),
                        settings.kafkaHeapMb() + "m")
                : new KafkaCluster(
                        settings.directory().resolve("kafka-cluster"),
                        settings.kafkaBrokers(),
                        settings.kafkaPort(),
                        settings.kafkaHeapMb() + "m");
        LocalService elasticsearch = settings.elasticsearchNodes() == 1
                ? new ElasticsearchProcess(
                        settings.directory().resolve("elasticsearch"),
                        settings.elasticsearchPort(),
                        settings.elasticsearchHeapMb())
                : new ElasticsearchCluster(
                        settings.directory().resolve("elasticsearch-cluster"),
                        settings.elasticsearchNodes(),
                        settings.elasticsearchPort(),
                        settings.elasticsearchHeapMb());
        List<String> brokers = new ArrayList<>();
        for (int i = 0; i < settings.kafkaBrokers(); i++) {
            brokers.add("127.0.0.1:" + (settings.kafkaPort() + i));
        }
        Map<String, String> shipperEnvironment = new HashMap<>(passedThrough(environment));
        shipperEnvironment.putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                String.join(",", brokers),
                "ELASTICSEARCH_URL",
                "http://127.0.0.1:" + settings.elasticsearchPort(),
                "DRAIN_CREDENTIALS",
                drainCredentials,
                "PORT",
                String.valueOf(settings.shipperPort())));
        Path shipperDirectory = settings.directory().resolve("shipper");
        String jar = shipperJar.toString();
        return List.of(
                List.of(kafka, elasticsearch),
                List.of(new JavaProcess(
                        "setup",
                        shipperDirectory,
                        List.of("-Xmx256m", "-jar", jar, "setup"),
                        shipperEnvironment,
                        "(one-shot)",
                        null,
                        true)),
                List.of(
                        new JavaProcess(
                                "ingest",
                                shipperDirectory,
                                shipper("web", jar, "ingest"),
                                shipperEnvironment,
                                "http://127.0.0.1:" + settings.shipperPort(),
                                "/healthz",
                                false),
                        consumer("indexer", shipperDirectory, jar, "index", shipperEnvironment),
                        consumer("alerter", shipperDirectory, jar, "alert", shipperEnvironment)));
    }

    /**
     * A consumer process (no drain to answer on), given a metrics port of its own: its address, and ready once
     * that answers {@code /healthz}, so a rules file it refuses fails the start instead of passing for running.
     */
    private static JavaProcess consumer(
            String type, Path directory, String jar, String command, Map<String, String> environment) {
        int metricsPort = Ports.free();
        Map<String, String> withPort = new HashMap<>(environment);
        withPort.put("METRICS_PORT", String.valueOf(metricsPort));
        return new JavaProcess(
                type,
                directory,
                shipper(type, jar, command),
                withPort,
                "http://127.0.0.1:" + metricsPort,
                "/healthz",
                false);
    }

    /** {@code java} arguments of a shipper command: the Procfile's flags for its process type when there is one. */
    static List<String> shipper(String processType, String jar, String command) {
        List<String> arguments =
                new ArrayList<>(Procfile.javaFlags(Procfile.FILE, processType).orElse(List.of("-Xmx256m")));
        arguments.addAll(List.of("-jar", jar, command));
        return arguments;
    }

    /** The user's alert destinations and rules reach the stack's alerter; nothing else leaks in. */
    static Map<String, String> passedThrough(Map<String, String> environment) {
        Map<String, String> passed = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("ALERT_") || name.startsWith("SLACK_") || name.startsWith("PAGERDUTY_")) {
                passed.put(name, value);
            }
        });
        return passed;
    }

    public static void main(String[] args) throws Exception {
        // Read once and handed to the readers, which is where the documented variable tables are checked against.
        Map<String, String> environment = System.getenv();
        StackSettings settings;
        try {
            settings = StackSettings.fromEnvironment(environment);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path shipperJar = Path.of(System.getProperty(SHIPPER_JAR_PROPERTY, "shipper/target/shipper.jar"))
                .toAbsolutePath();
        String credentials = DrainCredentials.resolve(environment, settings.directory());
        LocalStack stack = new LocalStack(
                services(settings, shipperJar, credentials, environment),
                DrainCredentials.inShell(environment, settings.directory()),
                System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stack.stop();
                            stopped.countDown();
                        },
                        "stack-shutdown"));
        System.out.println("Starting the local stack with its data in " + settings.directory() + " ...");
        try {
            stack.start();
        } catch (ServiceStartException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        if (!stack.stopping) {
            stack.printAddresses();
        }
        stopped.await();
    }

    /** Starts every stage; on a failure stops what started and rethrows. */
    public void start() throws ServiceStartException {
        for (List<LocalService> stage : stages) {
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<LocalService>> starts = new ArrayList<>();
                for (LocalService service : stage) {
                    starts.add(executor.submit(() -> {
                        service.start();
                        return service;
                    }));
                }
                ServiceStartException failure = null;
                for (Future<LocalService> start : starts) {
                    try {
                        started.add(start.get());
                    } catch (ExecutionException e) {
                        failure = e.getCause() instanceof ServiceStartException s
                                ? s
                                : new ServiceStartException("A service failed to start: " + e.getCause(), e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        failure = new ServiceStartException("Interrupted while starting the stack.");
                    }
                }
                if (failure != null) {
                    stop();
                    throw failure;
                }
            }
        }
    }

    void printAddresses() {
        out.println();
        out.println("The local stack is up:");
        for (LocalService service : started) {
            out.printf("  %-14s %-28s log: %s%n", service.name(), service.address(), service.logFile());
        }
        out.println();
        out.println("For other shells:");
        for (LocalService service : started) {
            if (service.name().equals("ingest")) {
                // What the stand-in and the load tools take: credentials and path included, usable as printed.
                out.println("  export DRAIN_URL=\"" + drainUrl(service) + "\"");
            } else if (service.address().startsWith("http") || service.name().equals("kafka")) {
                out.println("  export " + addressVariable(service) + "=" + service.address());
            }
        }
        out.println();
        out.println("Send a drain batch:");
        out.println("  curl -u \"" + credentialsInShell + "\" -H 'Content-Type: application/logplex-1' \\");
        out.println(
                "    --data-binary $'84 <190>1 2026-11-26T10:00:00+00:00 host app web.1 - State changed from starting to up\\n' \\");
        started.stream()
                .filter(service -> service.name().equals("ingest"))
                .findFirst()
                .ifPresent(ingest -> out.println("    " + ingest.address() + "/logs/myapp"));
        out.println();
        out.println("Ctrl-C stops everything; the data stays for the next run.");
        out.flush();
    }

    /** The drain URL of app {@code myapp}, its credentials named as a shell expands them, never their value. */
    String drainUrl(LocalService ingest) {
        String address = ingest.address();
        int scheme = address.indexOf("://") + 3;
        return address.substring(0, scheme) + credentialsInShell + "@" + address.substring(scheme) + "/logs/myapp";
    }

    /** The variable under which the rest of the project reads a service's address. */
    private static String addressVariable(LocalService service) {
        return switch (service.name()) {
            case "kafka" -> "KAFKA_BOOTSTRAP_SERVERS";
            case "elasticsearch" -> "ELASTICSEARCH_URL";
            default -> service.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_URL";
        };
    }

    /** Stops everything, last stage first; also what is still starting (Ctrl-C may come at any time). */
    public void stop() {
        stopping = true;
        List<LocalService> all = stages.stream().flatMap(List::stream).toList();
        for (int i = all.size() - 1; i >= 0; i--) {
            LocalService service = all.get(i);
            if (service.isRunning()) {
                out.println("Stopping " + service.name() + " ...");
            }
            service.close();
        }
        out.println("Stopped.");
        out.flush();
    }
}

package io.herokuelk.elk.stack;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.herokuelk.elk.runner.ElasticsearchProcess;
import io.herokuelk.elk.runner.KafkaProcess;
import io.herokuelk.elk.runner.LocalService;
import io.herokuelk.elk.runner.ServiceStartException;

/**
 * The local stack ({@code ./dev run}): real Kafka and Elasticsearch as processes with their data under one folder,
 * kept across restarts, until Ctrl-C stops everything. Services start in the order of {@link #services}, those in
 * one stage together; more stages (the shipper, the app) join the same list.
 */
public final class LocalStack {

    private final List<List<LocalService>> stages;
    private final List<LocalService> started = new ArrayList<>();
    private volatile boolean stopping;
    private final PrintStream out;

    LocalStack(List<List<LocalService>> stages, PrintStream out) {
        this.stages = stages;
        this.out = out;
    }

    /** What the stack runs, stage by stage. */
    static List<List<LocalService>> services(StackSettings settings) {
        return List.of(List.of(
                new KafkaProcess(settings.directory().resolve("kafka"), settings.kafkaPort(),
                        settings.kafkaControllerPort(), settings.kafkaHeapMb() + "m"),
                new ElasticsearchProcess(settings.directory().resolve("elasticsearch"), settings.elasticsearchPort(),
                        settings.elasticsearchHeapMb())));
    }

    public static void main(String[] args) throws Exception {
        StackSettings settings;
        try {
            settings = StackSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(services(settings), System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "stack-shutdown"));
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
    void start() throws ServiceStartException {
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
                        failure = e.getCause() instanceof ServiceStartException s ? s
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
            out.println("  export " + addressVariable(service) + "=" + service.address());
        }
        out.println();
        out.println("Ctrl-C stops everything; the data stays for the next run.");
        out.flush();
    }

    /** The variable under which the rest of the project reads a service's address. */
    private static String addressVariable(LocalService service) {
        return switch (service.name()) {
            case "kafka" -> "KAFKA_BOOTSTRAP_SERVERS";
            case "elasticsearch" -> "ELASTICSEARCH_URL";
            default -> service.name().toUpperCase().replace('-', '_') + "_URL";
        };
    }

    /** Stops everything, last stage first; also what is still starting (Ctrl-C may come at any time). */
    void stop() {
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

package io.herokuelk.devstack.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local stack's settings, read once from the environment. Every bad variable is named in one error.
 *
 * @param directory            where every service keeps its data and logs ({@code STACK_DIR}, default {@code .local})
 * @param kafkaPort            {@code KAFKA_PORT}, default 9092
 * @param kafkaControllerPort  {@code KAFKA_CONTROLLER_PORT}, default 9093
 * @param kafkaHeapMb          {@code KAFKA_HEAP_MB}, default 512
 * @param elasticsearchPort    {@code ELASTICSEARCH_PORT}, default 9200
 * @param elasticsearchHeapMb  {@code ELASTICSEARCH_HEAP_MB}, default 512
 * @param shipperPort          {@code SHIPPER_PORT}, default 5000: the HTTPS drain receiver ({@code POST /logs})
 * @param kafkaBrokers         {@code KAFKA_BROKERS}, default 1: more make a replicated cluster (3: replication factor
 *                             3, {@code min.insync.replicas=2}) on consecutive ports from {@code KAFKA_PORT}
 * @param elasticsearchNodes   {@code ELASTICSEARCH_NODES}, default 1: more make one cluster (a replica per index) on
 *                             consecutive ports from {@code ELASTICSEARCH_PORT}
 */
public record StackSettings(
        Path directory,
        int kafkaPort,
        int kafkaControllerPort,
        int kafkaHeapMb,
        int elasticsearchPort,
        int elasticsearchHeapMb,
        int shipperPort,
        int kafkaBrokers,
        int elasticsearchNodes) {

    public static StackSettings fromEnvironment(Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        Path directory =
                Path.of(environment.getOrDefault("STACK_DIR", ".local")).toAbsolutePath();
        StackSettings settings = new StackSettings(
                directory,
                port(environment, "KAFKA_PORT", 9092, problems),
                port(environment, "KAFKA_CONTROLLER_PORT", 9093, problems),
                megabytes(environment, "KAFKA_HEAP_MB", 512, problems),
                port(environment, "ELASTICSEARCH_PORT", 9200, problems),
                megabytes(environment, "ELASTICSEARCH_HEAP_MB", 512, problems),
                port(environment, "SHIPPER_PORT", 5000, problems),
                integer(environment, "KAFKA_BROKERS", 1, 1, 5, problems),
                integer(environment, "ELASTICSEARCH_NODES", 1, 1, 3, problems));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Bad settings: " + String.join("; ", problems));
        }
        return settings;
    }

    private static int port(Map<String, String> environment, String name, int fallback, List<String> problems) {
        return integer(environment, name, fallback, 1, 65535, problems);
    }

    private static int megabytes(Map<String, String> environment, String name, int fallback, List<String> problems) {
        return integer(environment, name, fallback, 128, 32768, problems);
    }

    private static int integer(
            Map<String, String> environment, String name, int fallback, int min, int max, List<String> problems) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + "=" + value + " is not a whole number from " + min + " to " + max);
        return fallback;
    }
}

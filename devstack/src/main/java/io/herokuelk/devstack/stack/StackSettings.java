package io.herokuelk.devstack.stack;

import java.nio.file.Path;
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

    private static final int MAX_PORT = 65_535;
    private static final int MIN_HEAP_MB = 128;
    private static final int MAX_HEAP_MB = 32_768;

    public static StackSettings fromEnvironment(Map<String, String> environment) {
        VariableReader read = VariableReader.of(environment);
        Path directory = Path.of(read.text("STACK_DIR", ".local")).toAbsolutePath();
        StackSettings settings = new StackSettings(
                directory,
                read.integer("KAFKA_PORT", 9092, 1, MAX_PORT),
                read.integer("KAFKA_CONTROLLER_PORT", 9093, 1, MAX_PORT),
                read.integer("KAFKA_HEAP_MB", 512, MIN_HEAP_MB, MAX_HEAP_MB),
                read.integer("ELASTICSEARCH_PORT", 9200, 1, MAX_PORT),
                read.integer("ELASTICSEARCH_HEAP_MB", 512, MIN_HEAP_MB, MAX_HEAP_MB),
                read.integer("SHIPPER_PORT", 5000, 1, MAX_PORT),
                read.integer("KAFKA_BROKERS", 1, 1, 5),
                read.integer("ELASTICSEARCH_NODES", 1, 1, 3));
        read.check();
        return settings;
    }
}

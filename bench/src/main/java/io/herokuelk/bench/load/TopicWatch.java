package io.herokuelk.bench.load;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** What the drain benchmark reads from the broker: end offsets, bytes stored, and the probes' latencies. */
final class TopicWatch implements AutoCloseable {

    private final String bootstrap;
    private final Admin admin;

    TopicWatch(String bootstrap) {
        this.bootstrap = bootstrap;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** 3 partitions, lz4, the broker's clock as the record time (the probes' latency is read from it). */
    void create(String... topics) throws Exception {
        Load.createTopics(bootstrap, 3, Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"), topics);
    }

    Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .get(topic)
                .partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(latest)
                .all()
                .get(10, TimeUnit.SECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    long records(String topic) throws Exception {
        return total(endOffsets(topic));
    }

    static long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The bytes the broker stores for the topic (its log segments, compressed as stored). */
    long bytes(String topic) throws Exception {
        long total = 0;
        for (var dir : admin.describeLogDirs(List.of(1))
                .allDescriptions()
                .get(10, TimeUnit.SECONDS)
                .get(1)
                .values()) {
            for (Map.Entry<TopicPartition, ReplicaInfo> replica :
                    dir.replicaInfos().entrySet()) {
                if (replica.getKey().topic().equals(topic)) {
                    total += replica.getValue().size();
                }
            }
        }
        return total;
    }

    /** The latency of every probe stored between the two offset maps: append time minus the time in the line. */
    Latencies probeLatencies(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Latencies latencies = new Latencies();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                        4 << 20),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!reached(consumer, to) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= to.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    long sentAt = ProbeLines.sentAt(record.value());
                    if (sentAt > 0) {
                        latencies.add(record.timestamp() - sentAt);
                    }
                }
            }
        }
        return latencies;
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> to) {
        return to.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    @Override
    public void close() {
        admin.close();
    }
}

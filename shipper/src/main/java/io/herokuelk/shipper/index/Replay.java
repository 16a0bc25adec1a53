package io.herokuelk.shipper.index;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Re-indexes the events of a time range straight from the topic (for example after a template change), without a
 * consumer group: it reads the range with its own assignment and leaves the indexers' committed offsets alone.
 */
public final class Replay {

    /** Progress so far: documents handled, documents in the range, and the outcomes. */
    public record Progress(long done, long total, long stored, long alreadyStored, long deadLettered) {}

    private final Consumer<byte[], byte[]> consumer;
    private final BulkIndexer indexer;
    private final IndexDeadLetters deadLetters;
    private final RecordDocuments documents;
    private final int batchDocuments;

    public Replay(
            Consumer<byte[], byte[]> consumer,
            BulkIndexer indexer,
            IndexDeadLetters deadLetters,
            String namespace,
            int batchDocuments) {
        this.consumer = consumer;
        this.indexer = indexer;
        this.deadLetters = deadLetters;
        this.documents = new RecordDocuments(namespace);
        this.batchDocuments = batchDocuments;
    }

    public Progress run(String topic, Instant from, Instant to, java.util.function.Consumer<Progress> report)
            throws Exception {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = offsetsAt(partitions, to, consumer.endOffsets(partitions));
        Map<TopicPartition, Long> starts = offsetsAt(partitions, from, ends);
        long total = 0;
        for (TopicPartition partition : partitions) {
            consumer.seek(partition, starts.get(partition));
            total += Math.max(0, ends.get(partition) - starts.get(partition));
        }
        long done = 0;
        long stored = 0;
        long already = 0;
        long dead = 0;
        Map<TopicPartition, Long> positions = new HashMap<>(starts);
        while (positions.entrySet().stream().anyMatch(e -> e.getValue() < ends.get(e.getKey()))) {
            List<PendingDocument> batch = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                positions.put(partition, record.offset() + 1);
                if (record.offset() < ends.get(partition)) {
                    batch.add(documents.of(record));
                }
            }
            for (int from1 = 0; from1 < batch.size(); from1 += batchDocuments) {
                BulkResult result = indexer.index(batch.subList(from1, Math.min(batch.size(), from1 + batchDocuments)));
                deadLetters.record(result.rejected());
                stored += result.stored();
                already += result.alreadyStored();
                dead += result.rejected().size();
            }
            done += batch.size();
            report.accept(new Progress(done, total, stored, already, dead));
        }
        return new Progress(done, total, stored, already, dead);
    }

    /** The first offset at or after the instant per partition, or the fallback where no record is that late. */
    private Map<TopicPartition, Long> offsetsAt(
            List<TopicPartition> partitions, Instant instant, Map<TopicPartition, Long> fallback) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, instant.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp at = found.get(partition);
            offsets.put(partition, at == null ? fallback.get(partition) : at.offset());
        }
        return offsets;
    }
}

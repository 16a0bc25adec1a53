package io.herokuelk.shipper.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The documents read but not yet stored, and the offsets that become safe to commit once they are. */
final class OpenBatch {

    private final List<PendingDocument> documents = new ArrayList<>();
    private long bytes;
    private long openedAtNanos;

    void add(PendingDocument document) {
        if (documents.isEmpty()) {
            openedAtNanos = System.nanoTime();
        }
        documents.add(document);
        bytes += document.source().length;
    }

    boolean isEmpty() {
        return documents.isEmpty();
    }

    int size() {
        return documents.size();
    }

    long bytes() {
        return bytes;
    }

    long ageNanos() {
        return documents.isEmpty() ? 0 : System.nanoTime() - openedAtNanos;
    }

    List<PendingDocument> documents() {
        return List.copyOf(documents);
    }

    /** Per partition, the offset after the last document: what to commit once the batch is stored. */
    Map<TopicPartition, OffsetAndMetadata> nextOffsets() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (PendingDocument document : documents) {
            offsets.merge(
                    document.partition(),
                    new OffsetAndMetadata(document.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return offsets;
    }

    /** Forgets the documents of partitions this consumer lost; their new owner reads them again. */
    void removePartitions(Collection<TopicPartition> partitions) {
        documents.removeIf(document -> partitions.contains(document.partition()));
        bytes = documents.stream()
                .mapToLong(document -> document.source().length)
                .sum();
    }

    void clear() {
        documents.clear();
        bytes = 0;
    }
}

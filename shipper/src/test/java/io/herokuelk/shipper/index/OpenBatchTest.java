package io.herokuelk.shipper.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OpenBatchTest {

    private static final TopicPartition P0 = new TopicPartition("events", 0);
    private static final TopicPartition P1 = new TopicPartition("events", 1);

    private static PendingDocument at(TopicPartition partition, long offset, int bytes) {
        return new PendingDocument(
                "id-" + partition.partition() + "-" + offset, "logs-x-default", new byte[bytes], partition, offset);
    }

    @Test
    void theOffsetsToCommitAreOnePastTheHighestOfEachPartition() {
        OpenBatch batch = new OpenBatch();
        batch.add(at(P0, 7, 10));
        batch.add(at(P1, 3, 10));
        batch.add(at(P0, 9, 10));
        batch.add(at(P0, 8, 10));

        assertThat(batch.nextOffsets())
                .containsEntry(P0, new OffsetAndMetadata(10))
                .containsEntry(P1, new OffsetAndMetadata(4))
                .hasSize(2);
        assertThat(batch.size()).isEqualTo(4);
        assertThat(batch.bytes()).isEqualTo(40);
    }

    @Test
    void losingAPartitionForgetsItsDocumentsAndTheirBytes() {
        OpenBatch batch = new OpenBatch();
        batch.add(at(P0, 1, 100));
        batch.add(at(P1, 1, 30));

        batch.removePartitions(List.of(P0));

        assertThat(batch.documents()).extracting(PendingDocument::partition).containsExactly(P1);
        assertThat(batch.bytes()).isEqualTo(30);
        assertThat(batch.nextOffsets()).containsOnlyKeys(P1);
    }

    @Test
    void anEmptyBatchHasNoAgeAndClearingEmptiesIt() throws Exception {
        OpenBatch batch = new OpenBatch();
        assertThat(batch.ageNanos()).isZero();
        batch.add(at(P0, 1, 5));
        Thread.sleep(2);
        assertThat(batch.ageNanos()).isPositive();

        batch.clear();

        assertThat(batch.isEmpty()).isTrue();
        assertThat(batch.bytes()).isZero();
        assertThat(batch.ageNanos()).isZero();
    }
}

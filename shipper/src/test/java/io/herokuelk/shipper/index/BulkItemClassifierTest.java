package io.herokuelk.shipper.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BulkItemClassifierTest {

    @Test
    void conflictsAreAlreadyStoredByStatusOrType() {
        assertThat(BulkItemClassifier.classify(409, null)).isEqualTo(ItemOutcome.ALREADY_STORED);
        assertThat(BulkItemClassifier.classify(500, "version_conflict_engine_exception"))
                .isEqualTo(ItemOutcome.ALREADY_STORED);
    }

    @Test
    void overloadAndServerErrorsAreRetried() {
        assertThat(BulkItemClassifier.classify(429, null)).isEqualTo(ItemOutcome.RETRY);
        assertThat(BulkItemClassifier.classify(503, "unavailable_shards_exception"))
                .isEqualTo(ItemOutcome.RETRY);
        assertThat(BulkItemClassifier.classify(400, "es_rejected_execution_exception"))
                .isEqualTo(ItemOutcome.RETRY);
    }

    @Test
    void mappingAndParsingErrorsAreRejected() {
        assertThat(BulkItemClassifier.classify(400, "mapper_parsing_exception")).isEqualTo(ItemOutcome.REJECTED);
        assertThat(BulkItemClassifier.classify(400, "document_parsing_exception"))
                .isEqualTo(ItemOutcome.REJECTED);
        assertThat(BulkItemClassifier.classify(404, "index_not_found_exception"))
                .isEqualTo(ItemOutcome.REJECTED);
    }

    @Test
    void aStoredItemIsStored() {
        assertThat(BulkItemClassifier.classify(BulkIndexerTest.answer(BulkIndexerTest.documents(1), d -> 201)
                        .items()
                        .getFirst()))
                .isEqualTo(ItemOutcome.STORED);
    }

    @Test
    void requestOutcomesFollowTheStatus() {
        assertThat(RequestOutcome.of(0)).isEqualTo(RequestOutcome.RETRY);
        assertThat(RequestOutcome.of(429)).isEqualTo(RequestOutcome.RETRY);
        assertThat(RequestOutcome.of(504)).isEqualTo(RequestOutcome.RETRY);
        assertThat(RequestOutcome.of(413)).isEqualTo(RequestOutcome.SPLIT);
        assertThat(RequestOutcome.of(0, true, 2)).as("cut off while sent").isEqualTo(RequestOutcome.SPLIT);
        assertThat(RequestOutcome.of(0, true, 1)).as("a lone document cut off").isEqualTo(RequestOutcome.RETRY);
        assertThat(RequestOutcome.of(413, false, 1)).isEqualTo(RequestOutcome.SPLIT);
        assertThat(RequestOutcome.of(400)).isEqualTo(RequestOutcome.ISOLATE);
        assertThat(RequestOutcome.of(401)).isEqualTo(RequestOutcome.REFUSED);
        assertThat(RequestOutcome.of(403)).isEqualTo(RequestOutcome.REFUSED);
    }
}

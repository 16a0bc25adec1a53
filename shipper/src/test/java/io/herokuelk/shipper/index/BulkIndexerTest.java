package io.herokuelk.shipper.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import io.herokuelk.shipper.retry.Backoff;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The indexer's answers to whole-request failures and to item answers, with the wire replaced by a scripted
 * {@link BulkSender} and pauses recorded instead of slept (the real node is {@code IndexerIT}'s and
 * {@code ElasticsearchFailuresIT}'s).
 */
class BulkIndexerTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final List<Integer> requestSizes = new ArrayList<>();

    private BulkIndexer indexer(Function<List<PendingDocument>, Object> script) {
        BulkSender sender = documents -> {
            requestSizes.add(documents.size());
            Object answer = script.apply(documents);
            if (answer instanceof BulkSender.RequestFailed failure) {
                throw failure;
            }
            return (BulkResponse) answer;
        };
        return new BulkIndexer(
                sender, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 1.0), pauses::add, 3);
    }

    @Test
    void everyDocumentStoredOrAlreadyStoredIsCountedSo() throws Exception {
        BulkResult result = indexer(docs -> answer(docs, d -> d.id().equals("2") ? 409 : 201))
                .index(documents(3));

        assertThat(result.stored()).isEqualTo(2);
        assertThat(result.alreadyStored()).isEqualTo(1);
        assertThat(result.rejected()).isEmpty();
        assertThat(pauses).isEmpty();
    }

    @Test
    void itemsAnswered429AreSentAgainAloneAfterAPauseAndRejectedWhenTheyKeepFailing() throws Exception {
        BulkResult result = indexer(docs -> answer(docs, d -> d.id().equals("1") ? 429 : 201))
                .index(documents(3));

        assertThat(requestSizes).containsExactly(3, 1, 1, 1);
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(result.stored()).isEqualTo(2);
        assertThat(result.retried()).isEqualTo(3);
        assertThat(result.rejected())
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("still answered 429 after 4 tries"));
    }

    @Test
    void aRequestTooLargeForTheClusterIsSentInHalves() throws Exception {
        // http.max_content_length allows 3 documents per request.
        BulkResult result = indexer(docs -> docs.size() > 3 ? failed(413) : answer(docs, d -> 201))
                .index(documents(10));

        assertThat(result.stored()).isEqualTo(10);
        assertThat(requestSizes).containsExactly(10, 5, 2, 3, 5, 2, 3);
        assertThat(pauses).as("a split is not a retry").isEmpty();
    }

    @Test
    void aLoneDocumentStillTooLargeIsRejectedWithTheReason() throws Exception {
        BulkResult result = indexer(
                        docs -> docs.stream().anyMatch(d -> d.id().equals("3")) ? failed(413) : answer(docs, d -> 201))
                .index(documents(4));

        assertThat(result.stored()).isEqualTo(3);
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.document().id()).isEqualTo("3");
            assertThat(r.errorType()).isEqualTo("request_status_413");
        });
    }

    @Test
    void aRequestRefused400IsSplitUntilTheDocumentsThatCauseItAreAloneAndDeadLettered() throws Exception {
        BulkResult result = indexer(docs -> docs.stream().anyMatch(d -> d.id().equals("5") || d.id().equals("6"))
                        ? failed(400)
                        : answer(docs, d -> 201))
                .index(documents(8));

        assertThat(result.stored()).isEqualTo(6);
        assertThat(result.rejected()).extracting(r -> r.document().id()).containsExactly("5", "6");
        assertThat(result.rejected()).allSatisfy(r -> assertThat(r.errorType()).isEqualTo("request_status_400"));
    }

    /** A node closes the connection on a body over its limit, often before its 413 can be read. */
    @Test
    void aRequestCutOffWhileBeingSentIsSentInHalvesAndALoneCutOffDocumentWaits() throws Exception {
        BulkResult result = indexer(docs -> docs.size() > 3 ? cutOff() : answer(docs, d -> 201))
                .index(documents(10));
        assertThat(result.stored()).isEqualTo(10);
        assertThat(requestSizes).containsExactly(10, 5, 2, 3, 5, 2, 3);

        assertThatThrownBy(() -> indexer(docs -> cutOff()).index(documents(2)))
                .as("a lone document cut off is not taken for too large: the batch is retried later")
                .isInstanceOf(ElasticsearchUnavailableException.class);
    }

    @Test
    void unavailableClustersThrowSoThatTheBatchIsSentAgainLater() {
        for (int status : List.of(0, 429, 500, 502, 503)) {
            assertThatThrownBy(() -> indexer(docs -> failed(status)).index(documents(2)))
                    .as("status %d", status)
                    .isInstanceOf(ElasticsearchUnavailableException.class);
        }
    }

    @Test
    void aClusterThatRefusesTheIndexerStopsItWithTheStatus() {
        for (int status : List.of(401, 403, 404)) {
            assertThatThrownBy(() -> indexer(docs -> failed(status)).index(documents(2)))
                    .as("status %d", status)
                    .isInstanceOfSatisfying(
                            ElasticsearchRefusedException.class,
                            e -> assertThat(e.status()).isEqualTo(status));
        }
        assertThat(pauses).isEmpty();
    }

    @Test
    void aBulkAnswerWithTheWrongNumberOfItemsCountsAsUnavailable() {
        assertThatThrownBy(() ->
                        indexer(docs -> answer(docs.subList(0, 1), d -> 201)).index(documents(2)))
                .isInstanceOf(ElasticsearchUnavailableException.class)
                .hasMessageContaining("1 items for 2");
    }

    static List<PendingDocument> documents(int count) {
        List<PendingDocument> documents = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            documents.add(new PendingDocument(
                    Integer.toString(i),
                    "logs-heroku.app-default",
                    ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8),
                    new TopicPartition("events", 0),
                    i));
        }
        return documents;
    }

    private static BulkSender.RequestFailed cutOff() {
        return new BulkSender.RequestFailed(
                0, "Elasticsearch could not be reached: Broken pipe", new java.io.IOException("Broken pipe"));
    }

    private static BulkSender.RequestFailed failed(int status) {
        return new BulkSender.RequestFailed(status, "status " + status, null);
    }

    /** A bulk answer with one item per document, of the status the function gives. */
    static BulkResponse answer(List<PendingDocument> documents, Function<PendingDocument, Integer> status) {
        List<BulkResponseItem> items = new ArrayList<>();
        for (PendingDocument document : documents) {
            int code = status.apply(document);
            items.add(BulkResponseItem.of(i -> {
                i.operationType(OperationType.Create)
                        .index(document.dataStream())
                        .id(document.id())
                        .status(code);
                if (code >= 300) {
                    i.error(ErrorCause.of(e -> e.type(
                                    code == 409
                                            ? "version_conflict_engine_exception"
                                            : code == 429
                                                    ? "es_rejected_execution_exception"
                                                    : "mapper_parsing_exception")
                            .reason("status " + code)));
                }
                return i;
            }));
        }
        return BulkResponse.of(b -> b.items(items)
                .errors(items.stream().anyMatch(i -> i.error() != null))
                .took(1));
    }
}

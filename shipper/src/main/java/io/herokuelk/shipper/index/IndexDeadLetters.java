package io.herokuelk.shipper.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.herokuelk.shipper.parse.FieldNames;
import io.herokuelk.shipper.publish.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what Elasticsearch refused: the original document goes to the dead-letter topic (durably: the batch's
 * offsets are committed only after Kafka holds it) and, for searching, a record of it into the dead-letter data
 * stream (best effort: the topic is the record that counts).
 */
public final class IndexDeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(IndexDeadLetters.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final ElasticsearchClient client;
    private final String dataStream;
    private final String namespace;
    private final Clock clock;

    public IndexDeadLetters(
            Producer<byte[], byte[]> producer,
            String topic,
            ElasticsearchClient client,
            String namespace,
            Clock clock) {
        this.producer = producer;
        this.topic = topic;
        this.client = client;
        this.dataStream = DataStreams.name(DataStreams.DEAD_LETTER_DATASET, namespace);
        this.namespace = namespace;
        this.clock = clock;
    }

    /** Returns once Kafka acknowledged every dead letter; throws if it did not, so the batch is not committed. */
    public void record(List<BulkResult.Rejection> rejections)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (rejections.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (BulkResult.Rejection rejection : rejections) {
            sends.add(producer.send(record(rejection)));
        }
        for (Future<RecordMetadata> send : sends) {
            send.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        LOG.warn(
                "Elasticsearch refused {} document(s); they are in the dead-letter topic {} (first reason: {}).",
                rejections.size(),
                topic,
                rejections.getFirst().reason());
        indexForSearch(rejections);
    }

    private ProducerRecord<byte[], byte[]> record(BulkResult.Rejection rejection) {
        PendingDocument document = rejection.document();
        RecordHeaders headers = new RecordHeaders();
        add(headers, EventHeaders.REASON, rejection.errorType() + ": " + rejection.reason());
        add(headers, EventHeaders.STAGE, "indexing");
        add(headers, EventHeaders.ID, document.id());
        add(headers, EventHeaders.SOURCE_TOPIC, document.partition().topic());
        add(
                headers,
                EventHeaders.SOURCE_PARTITION,
                String.valueOf(document.partition().partition()));
        add(headers, EventHeaders.SOURCE_OFFSET, String.valueOf(document.offset()));
        return new ProducerRecord<>(
                topic, null, document.id().getBytes(StandardCharsets.UTF_8), document.source(), headers);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private void indexForSearch(List<BulkResult.Rejection> rejections) {
        try {
            client.bulk(b -> {
                for (BulkResult.Rejection rejection : rejections) {
                    Map<String, Object> document = searchable(rejection);
                    b.operations(op -> op.create(c -> c.index(dataStream).document(document)));
                }
                return b;
            });
        } catch (Exception e) {
            LOG.warn(
                    "The dead letters could not be indexed into {} ({}); the dead-letter topic holds them.",
                    dataStream,
                    e.toString());
        }
    }

    private Map<String, Object> searchable(BulkResult.Rejection rejection) {
        PendingDocument document = rejection.document();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("@timestamp", clock.instant().toString());
        fields.put("error", Map.of("type", rejection.errorType(), "message", rejection.reason()));
        fields.put(
                "event",
                Map.of(
                        "id",
                        document.id(),
                        "dataset",
                        DataStreams.DEAD_LETTER_DATASET,
                        "original",
                        new String(document.source(), StandardCharsets.UTF_8),
                        "kind",
                        "pipeline_error"));
        fields.put(
                "data_stream",
                Map.of("type", "logs", "dataset", DataStreams.DEAD_LETTER_DATASET, "namespace", namespace));
        fields.put("ecs", Map.of("version", FieldNames.ECS_VERSION_VALUE));
        fields.put(
                "kafka",
                Map.of(
                        "topic",
                        document.partition().topic(),
                        "partition",
                        document.partition().partition(),
                        "offset",
                        document.offset()));
        fields.put("heroku_elk", Map.of("target_data_stream", document.dataStream()));
        return fields;
    }
}

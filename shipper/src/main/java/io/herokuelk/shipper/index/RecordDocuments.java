package io.herokuelk.shipper.index;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import io.herokuelk.shipper.publish.EventHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns an events-topic record into the document to index: its id and data stream, from headers when present. */
final class RecordDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String namespace;

    RecordDocuments(String namespace) {
        this.namespace = namespace;
    }

    PendingDocument of(ConsumerRecord<byte[], byte[]> record) {
        String id = EventHeaders.text(record.headers(), EventHeaders.ID);
        String dataset = EventHeaders.text(record.headers(), EventHeaders.DATASET);
        if (id == null || dataset == null) {
            // Records from other producers: read what the document itself says.
            JsonNode event = readEvent(record.value());
            id = id != null ? id : event.path("id").asString(null);
            dataset = dataset != null ? dataset : event.path("dataset").asString(null);
        }
        if (id == null) {
            // Still deterministic: the same record always gets the same id.
            id = record.topic() + "-" + record.partition() + "-" + record.offset();
        }
        return new PendingDocument(id, DataStreams.name(dataset, namespace), record.value(),
                new TopicPartition(record.topic(), record.partition()), record.offset());
    }

    private static JsonNode readEvent(byte[] document) {
        try {
            return JSON.readTree(document).path("event");
        } catch (RuntimeException e) {
            return JSON.missingNode();
        }
    }
}

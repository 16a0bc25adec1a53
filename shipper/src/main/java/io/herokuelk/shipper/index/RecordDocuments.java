package io.herokuelk.shipper.index;

import io.herokuelk.shipper.publish.EventHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an events-topic record into the document to index: its id and data stream, from headers when present, and
 * the document with {@code data_stream.namespace} added. The namespace is the indexer's (or replay's) to choose, so
 * it is added here rather than by the parser, as a dotted key after the document's own fields: Elasticsearch maps it
 * under {@code data_stream} beside the parser's {@code type} and {@code dataset}.
 */
final class RecordDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String namespace;
    private final byte[] namespaceField;

    RecordDocuments(String namespace) {
        this.namespace = namespace;
        // Namespaces are [a-z0-9_]: no JSON escaping needed.
        this.namespaceField = (",\"data_stream.namespace\":\"" + namespace + "\"}").getBytes(StandardCharsets.UTF_8);
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
        return new PendingDocument(
                id,
                DataStreams.name(dataset, namespace),
                withNamespace(record.value()),
                new TopicPartition(record.topic(), record.partition()),
                record.offset());
    }

    /** The document with the namespace field before its closing brace; anything else is left for Elasticsearch to refuse. */
    byte[] withNamespace(byte[] document) {
        int end = document.length;
        while (end > 0 && isWhitespace(document[end - 1])) {
            end--;
        }
        if (end < 2 || document[end - 1] != '}') {
            return document;
        }
        int before = end - 2;
        while (before > 0 && isWhitespace(document[before])) {
            before--;
        }
        boolean empty = document[before] == '{';
        byte[] out = new byte[end - 1 + namespaceField.length - (empty ? 1 : 0)];
        System.arraycopy(document, 0, out, 0, end - 1);
        System.arraycopy(namespaceField, empty ? 1 : 0, out, end - 1, namespaceField.length - (empty ? 1 : 0));
        return out;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static JsonNode readEvent(byte[] document) {
        try {
            return JSON.readTree(document).path("event");
        } catch (RuntimeException e) {
            return JSON.missingNode();
        }
    }
}

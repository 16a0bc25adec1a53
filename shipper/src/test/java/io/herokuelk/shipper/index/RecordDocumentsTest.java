package io.herokuelk.shipper.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.shipper.publish.EventHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

class RecordDocumentsTest {

    private final RecordDocuments documents = new RecordDocuments("staging");

    @Test
    void theNamespaceIsAddedToTheDocumentAndNamesTheDataStream() {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(
                "events",
                2,
                42L,
                null,
                bytes("{\"message\":\"hi\",\"data_stream\":{\"type\":\"logs\",\"dataset\":\"heroku.router\"}}"));
        record.headers().add(new RecordHeader(EventHeaders.ID, bytes("id-1")));
        record.headers().add(new RecordHeader(EventHeaders.DATASET, bytes("heroku.router")));

        PendingDocument document = documents.of(record);

        assertThat(document.id()).isEqualTo("id-1");
        assertThat(document.dataStream()).isEqualTo("logs-heroku.router-staging");
        assertThat(new String(document.source(), StandardCharsets.UTF_8))
                .isEqualTo("{\"message\":\"hi\","
                        + "\"data_stream\":{\"type\":\"logs\",\"dataset\":\"heroku.router\"},"
                        + "\"data_stream.namespace\":\"staging\"}");
    }

    @Test
    void emptyDocumentsTrailingSpaceAndNonObjectsAreHandled() {
        assertThat(text(documents.withNamespace(bytes("{ }\n")))).isEqualTo("{ \"data_stream.namespace\":\"staging\"}");
        assertThat(text(documents.withNamespace(bytes("{\"a\":1}  "))))
                .isEqualTo("{\"a\":1,\"data_stream.namespace\":\"staging\"}");
        assertThat(text(documents.withNamespace(bytes("[1,2]"))))
                .as("left for Elasticsearch to refuse")
                .isEqualTo("[1,2]");
        assertThat(text(documents.withNamespace(bytes("")))).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

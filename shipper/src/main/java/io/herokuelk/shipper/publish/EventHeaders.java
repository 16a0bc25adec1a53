package io.herokuelk.shipper.publish;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Names of the Kafka record headers the shipper writes and reads: one place, so both sides agree. */
public final class EventHeaders {

    /** On events: {@code event.id}, the Elasticsearch {@code _id}. */
    public static final String ID = "event.id";
    /** On events: {@code event.dataset}, which picks the data stream. */
    public static final String DATASET = "event.dataset";
    /** On dead letters: why the record is one. */
    public static final String REASON = "reason";
    /** On dead letters: {@code framing} (ingest) or {@code indexing} (Elasticsearch refused it). */
    public static final String STAGE = "stage";

    public static final String APP = "app";
    public static final String FRAME_ID = "frame_id";
    public static final String RECEIVED_AT = "received_at";
    /** On indexing dead letters: where the original record was. */
    public static final String SOURCE_TOPIC = "source_topic";

    public static final String SOURCE_PARTITION = "source_partition";
    public static final String SOURCE_OFFSET = "source_offset";

    private EventHeaders() {}

    /** A header's value as text, or null when absent. */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

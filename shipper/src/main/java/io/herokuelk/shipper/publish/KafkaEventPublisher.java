package io.herokuelk.shipper.publish;

import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.parse.ParsedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes events to Kafka keyed by app and dyno (one dyno's events stay in order on one partition), with
 * {@code acks=all} and idempotence so that a broker retry never duplicates a record.
 */
public final class KafkaEventPublisher implements EventPublisher {

    private final Producer<byte[], byte[]> producer;
    private final KafkaSettings settings;

    public KafkaEventPublisher(KafkaSettings settings, Map<String, Object> overrides) {
        this(
                new KafkaProducer<>(
                        producerProperties(settings, overrides), new ByteArraySerializer(), new ByteArraySerializer()),
                settings);
    }

    KafkaEventPublisher(Producer<byte[], byte[]> producer, KafkaSettings settings) {
        this.producer = producer;
        this.settings = settings;
    }

    /**
     * Batching: Logplex sends about 100 KiB per request, 300-odd records; a 5 ms linger lets concurrent requests
     * share produce requests without adding noticeable latency, and lz4 is the cheapest codec on CPU.
     * {@code max.block.ms} is short so that a full buffer or a missing broker turns into a 503 well inside Logplex's
     * 5 s timeout rather than a stalled request. The 32 MiB buffer and the drains' in-flight budget (32 MiB) are what
     * the heap holds under load; the web dyno's 112 MB heap has room for both.
     */
    public static Map<String, Object> producerProperties(KafkaSettings settings, Map<String, Object> overrides) {
        Map<String, Object> properties = new java.util.HashMap<>(settings.clientProperties());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 32L * 1024 * 1024);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int)
                Duration.ofSeconds(30).toMillis());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "heroku-elk-ingest");
        properties.putAll(overrides);
        return properties;
    }

    @Override
    public CompletableFuture<Void> publish(List<ParsedEvent> events, List<DeadLetter> deadLetters) {
        int total = events.size() + deadLetters.size();
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (total == 0) {
            done.complete(null);
            return done;
        }
        AtomicInteger pending = new AtomicInteger(total);
        Callback callback = (metadata, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
            } else if (pending.decrementAndGet() == 0) {
                done.complete(null);
            }
        };
        try {
            // A send that cannot get metadata fails after max.block.ms through its callback; stop at the first
            // failure so that a missing broker costs one wait, not one per record.
            for (ParsedEvent event : events) {
                if (done.isDone()) {
                    return done;
                }
                producer.send(eventRecord(event), callback);
            }
            for (DeadLetter letter : deadLetters) {
                if (done.isDone()) {
                    return done;
                }
                producer.send(deadLetterRecord(letter), callback);
            }
        } catch (RuntimeException e) {
            // A full buffer or unknown metadata after max.block.ms: the caller answers "try again".
            done.completeExceptionally(e);
        }
        return done;
    }

    /** The id and dataset ride in headers too, so the indexer routes and de-duplicates without parsing JSON. */
    private ProducerRecord<byte[], byte[]> eventRecord(ParsedEvent event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, EventHeaders.ID, event.id());
        header(headers, EventHeaders.DATASET, event.dataset());
        return new ProducerRecord<>(
                settings.eventsTopic(),
                null,
                event.partitionKey().getBytes(StandardCharsets.UTF_8),
                event.document(),
                headers);
    }

    private ProducerRecord<byte[], byte[]> deadLetterRecord(DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, EventHeaders.REASON, letter.reason());
        header(headers, EventHeaders.STAGE, letter.stage());
        header(headers, EventHeaders.APP, letter.app());
        header(headers, EventHeaders.FRAME_ID, letter.frameId());
        header(headers, EventHeaders.RECEIVED_AT, letter.receivedAt().toString());
        return new ProducerRecord<>(
                settings.deadLetterTopic(), null, letter.app().getBytes(StandardCharsets.UTF_8), letter.raw(), headers);
    }

    static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}

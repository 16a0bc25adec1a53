package io.herokuelk.shipper.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.parse.DrainContext;
import io.herokuelk.shipper.parse.ParsedEvent;
import io.herokuelk.shipper.parse.ParserSettings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** What the publisher puts on the topics, and when its future completes, with Kafka's {@code MockProducer}. */
class KafkaEventPublisherTest {

    private final KafkaSettings settings = KafkaSettings.from(new Environment(Map.of("KAFKA_PREFIX", "p.")));
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final KafkaEventPublisher publisher = new KafkaEventPublisher(producer, settings);

    private static List<ParsedEvent> events() {
        byte[] body = ("58 <190>1 2026-11-26T10:00:00+00:00 host app web.1 - hello one\n"
                        + "58 <190>1 2026-11-26T10:00:01+00:00 host app web.2 - hello two\n")
                .getBytes(StandardCharsets.UTF_8);
        return new DrainBodyParser(ParserSettings.defaults())
                .parseBody(body, new DrainContext("myapp", null, "ABCD", Instant.parse("2026-11-26T10:00:02Z")))
                .events();
    }

    @Test
    void eventsGoToTheEventsTopicKeyedByAppAndDynoWithIdAndDatasetHeaders() throws Exception {
        CompletableFuture<Void> done = publisher.publish(events(), List.of());
        assertThat(done).isNotDone();
        while (producer.completeNext()) {
            // acknowledge every record
        }

        done.get();
        List<ProducerRecord<byte[], byte[]>> records = producer.history();
        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.topic()).isEqualTo("p.heroku-logs"));
        assertThat(new String(records.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("myapp/web.1");
        assertThat(new String(records.get(1).key(), StandardCharsets.UTF_8)).isEqualTo("myapp/web.2");
        assertThat(new String(
                        records.get(0).headers().lastHeader(EventHeaders.ID).value(), StandardCharsets.UTF_8))
                .isEqualTo("ABCD-0");
        assertThat(new String(
                        records.get(0)
                                .headers()
                                .lastHeader(EventHeaders.DATASET)
                                .value(),
                        StandardCharsets.UTF_8))
                .isEqualTo("heroku.app");
    }

    @Test
    void deadLettersGoToTheirTopicWithTheReasonAndTheRawBytes() throws Exception {
        DeadLetter letter = new DeadLetter(
                "not a frame",
                "framing",
                "junk".getBytes(StandardCharsets.UTF_8),
                "myapp",
                "F1",
                Instant.parse("2026-11-26T10:00:00Z"));
        CompletableFuture<Void> done = publisher.publish(List.of(), List.of(letter));
        producer.completeNext();

        done.get();
        ProducerRecord<byte[], byte[]> record = producer.history().getFirst();
        assertThat(record.topic()).isEqualTo("p.heroku-logs-dead-letters");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("junk");
        assertThat(new String(record.headers().lastHeader(EventHeaders.REASON).value(), StandardCharsets.UTF_8))
                .isEqualTo("not a frame");
    }

    @Test
    void oneRefusedRecordFailsTheWholeBatch() {
        CompletableFuture<Void> done = publisher.publish(events(), List.of());
        producer.completeNext();
        producer.errorNext(new org.apache.kafka.common.errors.NotEnoughReplicasException("1 of 3 in sync"));

        assertThat(done).isCompletedExceptionally();
        try {
            done.get();
        } catch (ExecutionException | InterruptedException e) {
            assertThat(e.getCause()).isInstanceOf(org.apache.kafka.common.errors.NotEnoughReplicasException.class);
        }
    }

    @Test
    void nothingToPublishCompletesAtOnce() {
        assertThat(publisher.publish(List.of(), List.of())).isCompleted();
        assertThat(producer.history()).isEmpty();
    }
}

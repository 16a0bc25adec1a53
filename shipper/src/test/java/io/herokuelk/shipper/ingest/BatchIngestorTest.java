package io.herokuelk.shipper.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.parse.DrainContext;
import io.herokuelk.shipper.parse.ParsedBatch;
import io.herokuelk.shipper.parse.ParsedEvent;
import io.herokuelk.shipper.parse.ParserSettings;
import io.herokuelk.shipper.publish.DeadLetter;
import io.herokuelk.shipper.publish.EventPublisher;
import io.herokuelk.shipper.telemetry.IngestMetrics;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BatchIngestorTest {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final List<ParsedEvent> published = new ArrayList<>();
    private final List<DeadLetter> deadLettered = new ArrayList<>();

    @Test
    void aBatchIsCountedByDatasetWithLogplexLossesAndPublishedWhole() throws Exception {
        byte[] body = Files.readAllBytes(Path.of("src/test/resources/golden/l10-concatenated.logplex"));
        DrainContext context = DrainContext.of("myapp", Instant.parse("2026-11-26T10:03:00Z"));
        ParsedBatch batch = new DrainBodyParser(ParserSettings.defaults()).parseBody(body, context);

        new BatchIngestor(new RecordingPublisher(), new IngestMetrics(registry))
                .ingest(batch, context, "https", body.length)
                .get();

        assertThat(published).hasSize(batch.events().size());
        String metrics = scrape();
        assertThat(metrics)
                .contains("shipper_parse_messages_total{dataset=\"heroku.platform\"} 3.0")
                .contains("shipper_parse_messages_total{dataset=\"heroku.app\"} 2.0")
                .contains("shipper_logplex_dropped_messages_total 13.0")
                .contains("shipper_drain_bytes_total{transport=\"https\"} " + body.length + ".0");
    }

    /** Logplex sends a body again after a 503: received twice, its contents counted once, when Kafka has them. */
    @Test
    void aBodySentAgainAfterAFailedPublishIsReceivedTwiceButCountedOnce() throws Exception {
        byte[] body = Files.readAllBytes(Path.of("src/test/resources/golden/l10-concatenated.logplex"));
        DrainContext context = DrainContext.of("myapp", Instant.parse("2026-11-26T10:03:00Z"));
        ParsedBatch batch = new DrainBodyParser(ParserSettings.defaults()).parseBody(body, context);
        RecordingPublisher publisher = new RecordingPublisher();
        BatchIngestor ingestor = new BatchIngestor(publisher, new IngestMetrics(registry));

        publisher.failNext = true;
        assertThat(ingestor.ingest(batch, context, "https", body.length)).isCompletedExceptionally();
        assertThat(scrape())
                .doesNotContain("shipper_parse_messages_total{")
                .contains("shipper_logplex_dropped_messages_total 0.0");
        ingestor.ingest(batch, context, "https", body.length).get();

        assertThat(scrape())
                .contains("shipper_parse_messages_total{dataset=\"heroku.platform\"} 3.0")
                .contains("shipper_logplex_dropped_messages_total 13.0")
                .contains("shipper_drain_bytes_total{transport=\"https\"} " + 2 * body.length + ".0")
                .contains("shipper_kafka_publish_seconds_count 2");
    }

    private String scrape() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private final class RecordingPublisher implements EventPublisher {
        boolean failNext;

        @Override
        public CompletableFuture<Void> publish(List<ParsedEvent> events, List<DeadLetter> deadLetters) {
            if (failNext) {
                failNext = false;
                return CompletableFuture.failedFuture(new IllegalStateException("Kafka is unavailable"));
            }
            published.addAll(events);
            deadLettered.addAll(deadLetters);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {}
    }
}

package io.herokuelk.shipper.ingest;

import io.herokuelk.shipper.parse.DrainContext;
import io.herokuelk.shipper.parse.Garbage;
import io.herokuelk.shipper.parse.ParsedBatch;
import io.herokuelk.shipper.parse.ParsedEvent;
import io.herokuelk.shipper.publish.DeadLetter;
import io.herokuelk.shipper.publish.EventPublisher;
import io.herokuelk.shipper.telemetry.IngestMetrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The part every drain transport shares: turn a parsed batch's garbage into dead letters, publish both, and count
 * what the batch held once Kafka holds it. The returned future completes when Kafka holds every record.
 *
 * <p>Contents are counted as outcomes, not on arrival: a body Logplex sends again after Kafka refused it is received
 * twice (bytes and frames say so) but its messages, L10 losses and dead letters count once, for the try Kafka
 * acknowledged. (A try that timed out on the drain but that Kafka then acknowledged is on the topic, and counts.)
 */
public final class BatchIngestor {

    private final EventPublisher publisher;
    private final IngestMetrics metrics;
    private final DatasetLabels datasets = new DatasetLabels();

    public BatchIngestor(EventPublisher publisher, IngestMetrics metrics) {
        this.publisher = publisher;
        this.metrics = metrics;
    }

    public CompletableFuture<Void> ingest(ParsedBatch batch, DrainContext context, String transport, long bytes) {
        metrics.received(transport, bytes, batch.frames());
        return publish(batch, context);
    }

    /** Publishes a batch again after a failed try; what it received was counted by the first. */
    public CompletableFuture<Void> republish(ParsedBatch batch, DrainContext context) {
        return publish(batch, context);
    }

    private CompletableFuture<Void> publish(ParsedBatch batch, DrainContext context) {
        List<DeadLetter> deadLetters = new ArrayList<>(batch.garbage().size());
        for (Garbage garbage : batch.garbage()) {
            deadLetters.add(new DeadLetter(
                    garbage.reason(),
                    "framing",
                    garbage.bytes(),
                    context.appName(),
                    context.frameId(),
                    context.receivedAt()));
        }
        // Tallied here, on the caller's thread: the completion runs on the producer's I/O thread, which every drain
        // shares, so it only adds the tally to the counters.
        Contents contents = Contents.of(batch, datasets);
        long started = System.nanoTime();
        return publisher.publish(batch.events(), deadLetters).whenComplete((ok, error) -> {
            metrics.published((System.nanoTime() - started) / 1e9);
            if (error == null) {
                contents.count(metrics);
            }
        });
    }

    /** What a batch holds, per batch rather than per event: a labelled counter costs a lookup each time. */
    private record Contents(Map<String, Integer> perLabel, int headerUnparsed, long dropped, int garbage) {

        static Contents of(ParsedBatch batch, DatasetLabels datasets) {
            Map<String, Integer> perDataset = new HashMap<>();
            int headerUnparsed = 0;
            long dropped = 0;
            for (ParsedEvent event : batch.events()) {
                perDataset.merge(event.dataset(), 1, Integer::sum);
                headerUnparsed += event.headerParsed() ? 0 : 1;
                dropped += event.logplexDropped();
            }
            Map<String, Integer> perLabel = new HashMap<>();
            perDataset.forEach((dataset, count) -> perLabel.merge(datasets.label(dataset), count, Integer::sum));
            return new Contents(
                    perLabel, headerUnparsed, dropped, batch.garbage().size());
        }

        void count(IngestMetrics metrics) {
            perLabel.forEach(metrics::parsed);
            metrics.headerUnparsed(headerUnparsed);
            metrics.logplexDropped(dropped);
            metrics.deadLettered("framing", garbage);
        }
    }
}

package io.herokuelk.shipper.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.herokuelk.shipper.parse.DrainContext;
import io.herokuelk.shipper.parse.Garbage;
import io.herokuelk.shipper.parse.ParsedBatch;
import io.herokuelk.shipper.parse.ParsedEvent;
import io.herokuelk.shipper.publish.DeadLetter;
import io.herokuelk.shipper.publish.EventPublisher;
import io.herokuelk.shipper.telemetry.IngestMetrics;

/**
 * The part every drain transport shares: count what a parsed batch holds, turn its garbage into dead letters, and
 * publish both. The returned future completes when Kafka holds every record.
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
        // Counted per batch, not per event: a labelled counter costs a lookup each time it is touched.
        Map<String, Integer> perDataset = new HashMap<>();
        int headerUnparsed = 0;
        long dropped = 0;
        for (ParsedEvent event : batch.events()) {
            perDataset.merge(event.dataset(), 1, Integer::sum);
            headerUnparsed += event.headerParsed() ? 0 : 1;
            dropped += event.logplexDropped();
        }
        perDataset.forEach((dataset, count) -> metrics.parsed(datasets.label(dataset), count));
        metrics.headerUnparsed(headerUnparsed);
        metrics.logplexDropped(dropped);
        metrics.deadLettered("framing", batch.garbage().size());
        return republish(batch, context);
    }

    /** Publishes a batch again after a failed try, without counting its contents a second time. */
    public CompletableFuture<Void> republish(ParsedBatch batch, DrainContext context) {
        List<DeadLetter> deadLetters = new ArrayList<>(batch.garbage().size());
        for (Garbage garbage : batch.garbage()) {
            deadLetters.add(new DeadLetter(garbage.reason(), "framing", garbage.bytes(), context.appName(),
                    context.frameId(), context.receivedAt()));
        }
        long started = System.nanoTime();
        return publisher.publish(batch.events(), deadLetters)
                .whenComplete((ok, error) -> metrics.published((System.nanoTime() - started) / 1e9));
    }
}

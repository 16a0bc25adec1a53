package io.herokuelk.shipper.ingest.syslog;

import java.time.Duration;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.herokuelk.shipper.ingest.BatchIngestor;
import io.herokuelk.shipper.retry.Backoff;
import io.herokuelk.shipper.parse.DrainContext;
import io.herokuelk.shipper.parse.ParsedBatch;

/**
 * Hands one connection's parsed batch to Kafka and waits until Kafka holds it, retrying the same batch with backoff
 * when Kafka refuses it. The caller reads nothing more meanwhile, so a slow or missing Kafka fills the sender's TCP
 * buffers rather than our heap. Retrying is safe: the records are already parsed and their ids are deterministic.
 */
final class BatchDelivery {

    /** What became of a batch. */
    enum Outcome {
        /** Kafka holds every record. */
        STORED,
        /** Kafka can never take it (a record too large, for example); logged with its size, reading goes on. */
        REJECTED,
        /** The server is closing (or the thread was interrupted) before Kafka took it; logged, reading stops. */
        ABANDONED
    }

    private static final Logger LOG = LoggerFactory.getLogger(BatchDelivery.class);

    private final BatchIngestor ingestor;
    private final String transport;
    private final Backoff backoff;
    private final ShutdownSignal shutdown;

    BatchDelivery(BatchIngestor ingestor, String transport, Backoff backoff, ShutdownSignal shutdown) {
        this.ingestor = ingestor;
        this.transport = transport;
        this.backoff = backoff;
        this.shutdown = shutdown;
    }

    Outcome deliver(ParsedBatch batch, DrainContext context, long bytes) {
        if (batch.events().isEmpty() && batch.garbage().isEmpty()) {
            return Outcome.STORED;
        }
        for (int attempt = 0; ; attempt++) {
            Throwable failure;
            try {
                // Bytes are counted once; a retry is the same input published again.
                (attempt == 0 ? ingestor.ingest(batch, context, transport, bytes)
                        : ingestor.republish(batch, context)).get();
                if (attempt > 0) {
                    LOG.info("Kafka stored a syslog batch of {} events after {} retries; reading the connection again.",
                            batch.events().size(), attempt);
                }
                return Outcome.STORED;
            } catch (ExecutionException | RuntimeException e) {
                failure = PublishFailures.unwrap(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return abandoned(batch, "the connection was interrupted while Kafka had not yet confirmed them");
            }
            if (PublishFailures.permanent(failure)) {
                LOG.atError().addKeyValue("error", failure.toString())
                        .log("Kafka can never store this syslog batch, so its {} events and {} dead letters are not"
                                + " stored; reading the connection goes on.", batch.events().size(),
                                batch.garbage().size());
                return Outcome.REJECTED;
            }
            if (shutdown.raised()) {
                return abandoned(batch, "the server closed while Kafka was refusing them");
            }
            Duration pause = backoff.delay(attempt);
            LOG.atWarn().addKeyValue("error", failure.toString())
                    .log("Kafka refused a syslog batch of {} events ({} dead letters); retrying in {} ms with the"
                            + " connection paused.", batch.events().size(), batch.garbage().size(), pause.toMillis());
            try {
                if (shutdown.awaitFor(pause)) {
                    return abandoned(batch, "the server closed while Kafka was refusing them");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return abandoned(batch, "the connection was interrupted while waiting to retry");
            }
        }
    }

    private Outcome abandoned(ParsedBatch batch, String why) {
        LOG.error("{} syslog events and {} dead letters may not be stored in Kafka: {}.", batch.events().size(),
                batch.garbage().size(), why);
        return Outcome.ABANDONED;
    }
}

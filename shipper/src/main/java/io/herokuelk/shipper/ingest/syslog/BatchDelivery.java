package io.herokuelk.shipper.ingest.syslog;

import io.herokuelk.shipper.ingest.BatchIngestor;
import io.herokuelk.shipper.parse.DrainContext;
import io.herokuelk.shipper.parse.ParsedBatch;
import io.herokuelk.shipper.retry.Backoff;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one connection's parsed batches to Kafka ({@link #start}) and later waits until Kafka holds one
 * ({@link #finish}), retrying the same batch with backoff when Kafka refused it. While a retry waits the connection
 * reads nothing, so a slow or missing Kafka fills the sender's TCP buffers rather than our heap. Retrying is safe:
 * the records are already parsed and their ids are deterministic.
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

    /** A batch handed to Kafka, with the bytes read for it; {@code sent} completes when Kafka holds it. */
    record Pending(ParsedBatch batch, DrainContext context, long bytes, CompletableFuture<Void> sent) {}

    /** Hands a batch to Kafka without waiting; its bytes are counted here, once. */
    Pending start(ParsedBatch batch, DrainContext context, long bytes) {
        return new Pending(batch, context, bytes, ingestor.ingest(batch, context, transport, bytes));
    }

    /** Waits until Kafka holds a started batch, publishing it again after each refusal that may pass. */
    Outcome finish(Pending pending) {
        ParsedBatch batch = pending.batch();
        for (int attempt = 0; ; attempt++) {
            Throwable failure;
            try {
                (attempt == 0 ? pending.sent() : ingestor.republish(batch, pending.context())).get();
                if (attempt > 0) {
                    LOG.info(
                            "Kafka stored a syslog batch of {} events after {} retries; reading the connection again.",
                            batch.events().size(),
                            attempt);
                }
                return Outcome.STORED;
            } catch (ExecutionException | RuntimeException e) {
                failure = PublishFailures.unwrap(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return abandoned(batch, "the connection was interrupted while Kafka had not yet confirmed them");
            }
            if (PublishFailures.permanent(failure)) {
                LOG.atError()
                        .addKeyValue("error", failure.toString())
                        .log(
                                "Kafka can never store this syslog batch, so its {} events and {} dead letters are not"
                                        + " stored; reading the connection goes on.",
                                batch.events().size(),
                                batch.garbage().size());
                return Outcome.REJECTED;
            }
            if (shutdown.raised()) {
                return abandoned(batch, "the server closed while Kafka was refusing them");
            }
            Duration pause = backoff.delay(attempt);
            LOG.atWarn()
                    .addKeyValue("error", failure.toString())
                    .log(
                            "Kafka refused a syslog batch of {} events ({} dead letters); retrying in {} ms with the"
                                    + " connection paused.",
                            batch.events().size(),
                            batch.garbage().size(),
                            pause.toMillis());
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

    Outcome abandoned(ParsedBatch batch, String why) {
        LOG.error(
                "{} syslog events and {} dead letters may not be stored in Kafka: {}.",
                batch.events().size(),
                batch.garbage().size(),
                why);
        return Outcome.ABANDONED;
    }
}

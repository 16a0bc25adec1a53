package io.herokuelk.shipper.index;

import io.herokuelk.shipper.retry.Backoff;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One indexer: a member of the consumer group that reads events, indexes them in batches and commits a batch's
 * offsets only after every document in it is stored, already stored, or dead-lettered. So a crash at any point
 * loses nothing (uncommitted records are read again) and duplicates nothing (their {@code _id}s answer 409).
 *
 * <p>While Elasticsearch is unavailable the loop pauses its partitions and keeps polling (so the group does not
 * evict it), retrying the same batch with backoff until the cluster answers. It never commits past unstored events.
 */
public final class IndexerLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(IndexerLoop.class);

    private final Consumer<byte[], byte[]> consumer;
    private final BulkIndexer indexer;
    private final IndexDeadLetters deadLetters;
    private final IndexerSettings settings;
    private final IndexerMetrics metrics;
    private final Backoff backoff;
    private final OpenBatch batch = new OpenBatch();
    private final RecordDocuments documents;
    private volatile boolean running = true;
    private boolean flushing;
    /** Why the last flush did not store its batch, or null: what readiness reports. */
    private volatile String problem;

    public IndexerLoop(
            Consumer<byte[], byte[]> consumer,
            BulkIndexer indexer,
            IndexDeadLetters deadLetters,
            IndexerSettings settings,
            String namespace,
            IndexerMetrics metrics) {
        this.consumer = consumer;
        this.indexer = indexer;
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.metrics = metrics;
        this.backoff = new Backoff(settings.retryInitial(), settings.retryMax());
        this.documents = new RecordDocuments(namespace);
    }

    @Override
    public void run() {
        consumer.subscribe(List.of(settings.topic(), settings.alertsTopic()), new Rebalance());
        try {
            while (running) {
                long waitMs = Math.max(1, (settings.batchWait().toNanos() - batch.ageNanos()) / 1_000_000);
                pollInto(Duration.ofMillis(Math.min(waitMs, 200)));
                if (batchIsDue()) {
                    flush();
                }
            }
            if (!batch.isEmpty()) {
                // One last try on the way out; what it cannot store stays uncommitted and is read again.
                tryFlushOnce();
            }
        } catch (WakeupException e) {
            // stop() woke a commit or a poll inside a flush: the batch stays uncommitted and is read again.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
        }
    }

    /** Why indexing is stalled now (the cluster away, or refusing this indexer), or null when it is not. */
    public String problem() {
        return problem;
    }

    /** Stops after the batch under way, committing what is stored. Safe from any thread. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    /** Polls into the batch; a wake-up from {@link #stop()} just ends the poll. */
    private void pollInto(Duration timeout) {
        try {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
                batch.add(documents.of(record));
            }
        } catch (WakeupException e) {
            // running is false now; the caller sees it.
        }
    }

    private boolean batchIsDue() {
        return !batch.isEmpty()
                && (batch.size() >= settings.batchDocuments()
                        || batch.bytes() >= settings.batchBytes()
                        || batch.ageNanos() >= settings.batchWait().toNanos());
    }

    /** Gives every document of the batch a final outcome, then commits; retries while Elasticsearch is away. */
    private void flush() throws InterruptedException {
        flushing = true;
        try {
            for (int attempt = 0; !batch.isEmpty(); attempt++) {
                if (tryFlushOnce()) {
                    consumer.resume(consumer.paused());
                    return;
                }
                consumer.pause(consumer.assignment());
                // Polling while paused keeps this member in the group; records of newly assigned partitions
                // join the batch, and a revocation removes the lost partitions' records (see Rebalance).
                long until = System.nanoTime() + backoff.delay(attempt).toNanos();
                while (System.nanoTime() < until && running) {
                    pollInto(Duration.ofMillis(100));
                    consumer.pause(consumer.assignment());
                }
                if (!running) {
                    return;
                }
            }
        } finally {
            flushing = false;
        }
    }

    private boolean tryFlushOnce() throws InterruptedException {
        long started = System.nanoTime();
        try {
            BulkResult result = indexer.index(batch.documents());
            deadLetters.record(result.rejected());
            consumer.commitSync(batch.nextOffsets());
            metrics.batch(result, (System.nanoTime() - started) / 1e9);
            batch.clear();
            if (problem != null) {
                LOG.info("Elasticsearch takes the indexer's batches again; consumption resumes.");
            }
            problem = null;
            return true;
        } catch (ElasticsearchUnavailableException e) {
            metrics.unavailable();
            problem = "Elasticsearch is unavailable: " + e.getMessage();
            LOG.warn(
                    "Elasticsearch is unavailable ({}); consumption is paused and the batch of {} documents will be"
                            + " sent again.",
                    e.getMessage(),
                    batch.size());
            return false;
        } catch (ElasticsearchRefusedException e) {
            metrics.refused(e.status());
            String before = problem;
            problem = "Elasticsearch refuses this indexer (status " + e.status() + "): check"
                    + " ELASTICSEARCH_API_KEY or ELASTICSEARCH_USERNAME/PASSWORD, the user's privileges on logs-*,"
                    + " and ELASTICSEARCH_URL";
            if (!problem.equals(before)) {
                LOG.error(
                        "{}. Indexing is stopped: nothing is committed, the batch is tried again every {} s until"
                                + " the cluster takes it. ({})",
                        problem,
                        settings.retryMax().toSeconds(),
                        e.getMessage());
            }
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn(
                    "The dead-letter topic did not take the refused documents ({}); the batch will be retried.",
                    e.toString());
            return false;
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!flushing && !batch.isEmpty()) {
                try {
                    if (tryFlushOnce()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            // Not stored, not committed: the partitions' next owner reads these records again.
            batch.removePartitions(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            metrics.assigned();
            LOG.info("Indexing partitions {}.", partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            batch.removePartitions(partitions);
        }
    }
}

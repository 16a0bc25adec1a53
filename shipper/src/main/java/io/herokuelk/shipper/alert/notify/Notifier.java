package io.herokuelk.shipper.alert.notify;

import io.herokuelk.shipper.alert.model.Alert;
import io.herokuelk.shipper.retry.Backoff;
import io.herokuelk.shipper.retry.Sleeper;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every destination about each alert without ever making the caller wait: {@link #submit} only queues, each
 * destination has its own bounded queue and worker, and a full queue drops the alert with a log line and a count.
 *
 * <p>Deliveries are keyed by {@link Alert#id()}: each destination remembers the ids it delivered or holds (a bounded
 * set), so an alert submitted twice by this process (a consumer rebalance redelivering it) is sent once. Across
 * processes nothing is shared: after a crash between a send and the commit of the record, the new owner sends it
 * again. PagerDuty folds the repeat into the same incident (its dedup_key is the episode id); Slack and webhook
 * receivers see at most that one repeat (webhook receivers can drop it by {@code event.id}).
 */
public final class Notifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final List<DestinationWorker> workers;
    private final NotifierSettings settings;

    public Notifier(List<Destination> destinations, NotifierSettings settings, DeliveryMetrics metrics) {
        this(destinations, settings, metrics, Sleeper.REAL, InstantSource.system());
    }

    /** With the pauses and the clock given, so that tests of retries never sleep. */
    public Notifier(
            List<Destination> destinations,
            NotifierSettings settings,
            DeliveryMetrics metrics,
            Sleeper sleeper,
            InstantSource clock) {
        Set<String> names = new LinkedHashSet<>();
        for (Destination destination : destinations) {
            if (!names.add(destination.name())) {
                throw new IllegalArgumentException("Two destinations are named " + destination.name());
            }
        }
        this.settings = settings;
        RetryingDelivery retrying = new RetryingDelivery(
                settings, new Backoff(settings.initialBackoff(), settings.maxBackoff()), sleeper, clock, metrics);
        this.workers = destinations.stream()
                .map(destination -> new DestinationWorker(destination, settings, retrying, metrics))
                .toList();
        workers.forEach(DestinationWorker::start);
        LOG.atInfo()
                .addKeyValue("destinations", names)
                .log(
                        "Alerts go to {}.",
                        destinations.stream().map(Destination::name).toList());
    }

    /** Queues the alert for every destination and returns at once. */
    public void submit(Alert alert) {
        for (DestinationWorker worker : workers) {
            worker.offer(alert);
        }
    }

    /**
     * Waits, at most {@code timeout}, until every submitted alert has an outcome at every destination (delivered,
     * refused, or given up); returns whether they all have. Lets a caller commit only what was delivered.
     */
    public boolean awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!workers.stream().allMatch(DestinationWorker::settled)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /**
     * Stops taking alerts and lets the queued ones go out for up to the drain timeout (shared by all destinations);
     * then interrupts the workers and counts what was left as dropped.
     */
    @Override
    public void close() {
        workers.forEach(DestinationWorker::beginClose);
        long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
        boolean interrupted = false;
        for (DestinationWorker worker : workers) {
            try {
                worker.stop(interrupted ? System.nanoTime() : deadline);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

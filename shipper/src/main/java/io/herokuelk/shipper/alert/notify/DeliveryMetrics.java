package io.herokuelk.shipper.alert.notify;

import io.herokuelk.shipper.alert.model.Alert;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One method per thing that happens to a notification; each logs a sentence and counts. Names follow
 * {@code alerter_<name>_<unit>_total}; labels take values from fixed sets only: {@code destination} (the destinations'
 * fixed names), {@code outcome}, {@code cause}. Reasons (never secrets) go to the log only.
 */
public final class DeliveryMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryMetrics.class);

    private final Counter deliveries;
    private final Counter retries;
    private final Counter giveUps;
    private final Counter drops;
    private final Counter duplicates;
    private final Histogram seconds;

    public DeliveryMetrics(PrometheusRegistry registry) {
        deliveries = Counter.builder()
                .name("alerter_deliveries_total")
                .help("Notifications by destination and final outcome: delivered, or rejected (a permanent answer)")
                .labelNames("destination", "outcome")
                .register(registry);
        retries = Counter.builder()
                .name("alerter_delivery_retries_total")
                .help("Attempts repeated after a retryable failure (429, 5xx, timeout, connection error)")
                .labelNames("destination")
                .register(registry);
        giveUps = Counter.builder()
                .name("alerter_delivery_give_ups_total")
                .help("Notifications abandoned after retryable failures, by cause: attempts, deadline, shutdown")
                .labelNames("destination", "cause")
                .register(registry);
        drops = Counter.builder()
                .name("alerter_delivery_queue_drops_total")
                .help("Notifications never attempted, by cause: full (the destination's queue), shutdown")
                .labelNames("destination", "cause")
                .register(registry);
        duplicates = Counter.builder()
                .name("alerter_delivery_duplicates_total")
                .help("Notifications submitted again with an alert id this process already delivered or holds")
                .labelNames("destination")
                .register(registry);
        seconds = Histogram.builder()
                .name("alerter_delivery_seconds")
                .help("Time from submit to the receiver's acceptance, queueing and retries included")
                .classicUpperBounds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300)
                .labelNames("destination")
                .register(registry);
    }

    void delivered(String destination, Alert alert, int attempts, double latencySeconds) {
        deliveries.labelValues(destination, "delivered").inc();
        seconds.labelValues(destination).observe(latencySeconds);
        LOG.atDebug()
                .addKeyValue("destination", destination)
                .addKeyValue("event.id", alert.id())
                .addKeyValue("attempts", attempts)
                .log("Alert {} delivered to {} after {} attempt(s).", alert.key(), destination, attempts);
    }

    void rejected(String destination, Alert alert, int attempts, String reason) {
        deliveries.labelValues(destination, "rejected").inc();
        LOG.atError()
                .addKeyValue("destination", destination)
                .addKeyValue("event.id", alert.id())
                .addKeyValue("attempts", attempts)
                .addKeyValue("error", reason)
                .log("Alert {} was refused by {} and will not be retried: {}.", alert.key(), destination, reason);
    }

    void retrying(String destination, Alert alert, int attempt, String reason, Duration pause) {
        retries.labelValues(destination).inc();
        LOG.atWarn()
                .addKeyValue("destination", destination)
                .addKeyValue("event.id", alert.id())
                .addKeyValue("attempt", attempt)
                .addKeyValue("pause_ms", pause.toMillis())
                .addKeyValue("error", reason)
                .log(
                        "Alert {} not delivered to {} ({}); trying again in {} ms.",
                        alert.key(),
                        destination,
                        reason,
                        pause.toMillis());
    }

    void gaveUp(String destination, Alert alert, int attempts, String cause, String reason) {
        giveUps.labelValues(destination, cause).inc();
        LOG.atError()
                .addKeyValue("destination", destination)
                .addKeyValue("event.id", alert.id())
                .addKeyValue("attempts", attempts)
                .addKeyValue("cause", cause)
                .addKeyValue("error", reason)
                .log(
                        "Gave up delivering alert {} to {} after {} attempt(s) ({}): {}.",
                        alert.key(),
                        destination,
                        attempts,
                        cause,
                        reason);
    }

    void dropped(String destination, Alert alert, String cause) {
        drops.labelValues(destination, cause).inc();
        LOG.atError()
                .addKeyValue("destination", destination)
                .addKeyValue("event.id", alert.id())
                .addKeyValue("cause", cause)
                .log(
                        "Dropped alert {} for {} without trying ({}).",
                        alert.key(),
                        destination,
                        "full".equals(cause) ? "its queue is full" : "shutting down");
    }

    void duplicate(String destination, Alert alert) {
        duplicates.labelValues(destination).inc();
        LOG.atInfo()
                .addKeyValue("destination", destination)
                .addKeyValue("event.id", alert.id())
                .log(
                        "Alert {} was submitted again; {} already has it, so it is not sent twice.",
                        alert.id(),
                        destination);
    }
}

package io.herokuelk.shipper.alert.notify;

import io.herokuelk.shipper.alert.model.Alert;
import io.herokuelk.shipper.retry.Backoff;
import io.herokuelk.shipper.retry.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The one place that decides whether to try an alert again: retryable answers are retried with the project's
 * backoff (or the receiver's Retry-After when longer) until delivered, refused, out of attempts, or the next pause
 * would end past the deadline. Each ending is counted and logged (DeliveryMetrics). Thread-safe.
 */
final class RetryingDelivery {

    enum Result {
        DELIVERED,
        REJECTED,
        GAVE_UP
    }

    private final NotifierSettings settings;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final InstantSource clock;
    private final DeliveryMetrics metrics;

    RetryingDelivery(
            NotifierSettings settings, Backoff backoff, Sleeper sleeper, InstantSource clock, DeliveryMetrics metrics) {
        this.settings = settings;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** @param submittedNanos {@link System#nanoTime()} at submit, for the latency from submit to receipt */
    Result deliver(Destination destination, Alert alert, long submittedNanos) {
        String name = destination.name();
        Instant deadline = clock.instant().plus(settings.deadline());
        for (int attempt = 1; ; attempt++) {
            Delivery delivery = destination.deliver(alert);
            if (delivery.outcome() == Delivery.Outcome.DELIVERED) {
                metrics.delivered(name, alert, attempt, (System.nanoTime() - submittedNanos) / 1e9);
                return Result.DELIVERED;
            }
            if (delivery.outcome() == Delivery.Outcome.REJECTED) {
                metrics.rejected(name, alert, attempt, delivery.reason());
                return Result.REJECTED;
            }
            if (Thread.currentThread().isInterrupted()) {
                metrics.gaveUp(name, alert, attempt, "shutdown", delivery.reason());
                return Result.GAVE_UP;
            }
            if (attempt >= settings.maxAttempts()) {
                metrics.gaveUp(name, alert, attempt, "attempts", delivery.reason());
                return Result.GAVE_UP;
            }
            Duration pause = pause(attempt, delivery);
            if (clock.instant().plus(pause).isAfter(deadline)) {
                metrics.gaveUp(name, alert, attempt, "deadline", delivery.reason());
                return Result.GAVE_UP;
            }
            metrics.retrying(name, alert, attempt, delivery.reason(), pause);
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                metrics.gaveUp(name, alert, attempt, "shutdown", delivery.reason());
                return Result.GAVE_UP;
            }
        }
    }

    private Duration pause(int attempt, Delivery delivery) {
        Duration fromBackoff = backoff.delay(attempt - 1);
        Duration asked = delivery.retryAfter();
        return asked != null && asked.compareTo(fromBackoff) > 0 ? asked : fromBackoff;
    }
}

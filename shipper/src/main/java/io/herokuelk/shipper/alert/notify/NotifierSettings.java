package io.herokuelk.shipper.alert.notify;

import io.herokuelk.shipper.config.Environment;
import java.time.Duration;

/**
 * How the notifier queues and retries, per destination.
 *
 * @param queueCapacity   alerts waiting per destination before new ones are dropped ({@code ALERT_QUEUE_CAPACITY})
 * @param maxAttempts     attempts per alert, the first included ({@code ALERT_DELIVERY_ATTEMPTS})
 * @param deadline        time from the first attempt after which no retry starts ({@code ALERT_DELIVERY_DEADLINE_MS})
 * @param initialBackoff  the first pause between attempts ({@code ALERT_RETRY_INITIAL_MS})
 * @param maxBackoff      the longest pause from the backoff; a receiver's Retry-After may ask for more
 *                        ({@code ALERT_RETRY_MAX_MS})
 * @param drainTimeout    how long {@link Notifier#close()} lets queued alerts go out ({@code ALERT_DRAIN_TIMEOUT_MS})
 * @param rememberedIds   delivered alert ids kept per destination to skip repeats ({@code ALERT_REMEMBERED_IDS})
 */
public record NotifierSettings(
        int queueCapacity,
        int maxAttempts,
        Duration deadline,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration drainTimeout,
        int rememberedIds) {

    public static final NotifierSettings DEFAULTS = new NotifierSettings(
            1000,
            6,
            Duration.ofMinutes(5),
            Duration.ofSeconds(1),
            Duration.ofMinutes(1),
            Duration.ofSeconds(5),
            10_000);

    public static NotifierSettings fromEnvironment(Environment env) {
        return new NotifierSettings(
                env.integer("ALERT_QUEUE_CAPACITY", DEFAULTS.queueCapacity, 1, 1_000_000),
                env.integer("ALERT_DELIVERY_ATTEMPTS", DEFAULTS.maxAttempts, 1, 100),
                env.millis("ALERT_DELIVERY_DEADLINE_MS", DEFAULTS.deadline.toMillis(), 1, 86_400_000),
                env.millis("ALERT_RETRY_INITIAL_MS", DEFAULTS.initialBackoff.toMillis(), 1, 3_600_000),
                env.millis("ALERT_RETRY_MAX_MS", DEFAULTS.maxBackoff.toMillis(), 1, 3_600_000),
                env.millis("ALERT_DRAIN_TIMEOUT_MS", DEFAULTS.drainTimeout.toMillis(), 0, 600_000),
                env.integer("ALERT_REMEMBERED_IDS", DEFAULTS.rememberedIds, 1, 10_000_000));
    }
}

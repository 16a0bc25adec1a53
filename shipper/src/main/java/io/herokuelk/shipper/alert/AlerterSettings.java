package io.herokuelk.shipper.alert;

import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import java.time.Duration;

/**
 * How the alerter reads the stream and publishes its decisions.
 *
 * @param eventsTopic    the events it watches
 * @param alertsTopic    where decisions go ({@code KAFKA_ALERTS_TOPIC}); the notifier and the indexer read it
 * @param groupId        the evaluators' consumer group ({@link io.herokuelk.shipper.config.KafkaNames#alerterGroup()})
 * @param notifierGroupId the notifiers' consumer group ({@link io.herokuelk.shipper.config.KafkaNames#notifierGroup()})
 * @param lookback       {@code ALERT_STATE_LOOKBACK_MINUTES}, default 30: history replayed (without notifying) to
 *                       rebuild the windows of partitions an instance takes over; longer than every rule's window
 * @param maxAge         {@code ALERT_MAX_AGE_MINUTES}, default 30: older decisions are not delivered (a notifier
 *                       that starts after a long stop does not page for yesterday)
 * @param tick           how often time-driven rules (silence, resolves, re-alerts) are evaluated
 */
public record AlerterSettings(
        String eventsTopic,
        String alertsTopic,
        String groupId,
        String notifierGroupId,
        Duration lookback,
        Duration maxAge,
        Duration tick) {

    public static AlerterSettings from(Environment env, KafkaSettings kafka) {
        return new AlerterSettings(
                kafka.eventsTopic(),
                kafka.alertsTopic(),
                kafka.names().alerterGroup(),
                kafka.names().notifierGroup(),
                Duration.ofMinutes(env.integer("ALERT_STATE_LOOKBACK_MINUTES", 30, 1, 24 * 60)),
                Duration.ofMinutes(env.integer("ALERT_MAX_AGE_MINUTES", 30, 1, 7 * 24 * 60)),
                Duration.ofSeconds(1));
    }
}

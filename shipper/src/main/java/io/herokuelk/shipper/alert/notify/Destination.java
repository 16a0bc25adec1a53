package io.herokuelk.shipper.alert.notify;

import io.herokuelk.shipper.alert.model.Alert;

/**
 * Somewhere alerts are told: Slack, a webhook, PagerDuty, the log. One attempt per call; retries are the notifier's.
 * Implementations never throw for a failed send (they answer with a {@link Delivery}), bound every call by a
 * timeout, and never put a secret (webhook URL, routing key, header value) into a reason or a log line.
 */
public interface Destination {

    /** A short fixed name ({@code slack}, {@code webhook}, {@code pagerduty}, {@code log}): a metric label. */
    String name();

    Delivery deliver(Alert alert);
}

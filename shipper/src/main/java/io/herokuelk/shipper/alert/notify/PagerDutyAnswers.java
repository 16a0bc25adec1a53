package io.herokuelk.shipper.alert.notify;

/**
 * The Events API v2 answers 202 when it accepted the event, 400 for an invalid event or routing key (permanent), 429
 * when the routing key is over its rate limit and 5xx on its own trouble (both retryable; it asks clients to back off).
 */
final class PagerDutyAnswers {

    private PagerDutyAnswers() {}

    static Delivery classify(HttpAnswer answer) {
        if (answer.success()) {
            return Delivery.delivered();
        }
        if (answer.status() == 429 || answer.status() >= 500) {
            return Delivery.retryable(answer.describe(), answer.retryAfter());
        }
        return Delivery.rejected(answer.describe());
    }
}

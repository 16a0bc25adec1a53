package io.herokuelk.shipper.alert.notify;

import java.time.Duration;

/**
 * What one attempt to hand an alert to a destination came to: the closed set the notifier acts on.
 *
 * @param outcome    delivered, retryable or rejected
 * @param reason     why it was not delivered, for logs (a status and a short, secret-free detail); empty if delivered
 * @param retryAfter the pause the receiver asked for (429 or 503 with Retry-After), or null
 */
public record Delivery(Outcome outcome, String reason, Duration retryAfter) {

    public enum Outcome {
        /** The receiver accepted it. */
        DELIVERED,
        /** 429, 5xx, a timeout or a connection error: worth trying again after a pause. */
        RETRYABLE,
        /** Any other answer (a 4xx for a bad payload, a revoked webhook): would fail the same way again. */
        REJECTED
    }

    private static final Delivery DELIVERED = new Delivery(Outcome.DELIVERED, "", null);

    public static Delivery delivered() {
        return DELIVERED;
    }

    public static Delivery retryable(String reason) {
        return new Delivery(Outcome.RETRYABLE, reason, null);
    }

    public static Delivery retryable(String reason, Duration retryAfter) {
        return new Delivery(Outcome.RETRYABLE, reason, retryAfter);
    }

    public static Delivery rejected(String reason) {
        return new Delivery(Outcome.REJECTED, reason, null);
    }

    public boolean isDelivered() {
        return outcome == Outcome.DELIVERED;
    }
}

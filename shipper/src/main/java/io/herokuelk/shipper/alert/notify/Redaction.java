package io.herokuelk.shipper.alert.notify;

import io.herokuelk.shipper.config.Secret;

/** Removes secrets from a delivery's reason, in case a receiver's answer echoes the request. */
final class Redaction {

    private Redaction() {
    }

    static Delivery scrub(Delivery delivery, Secret... secrets) {
        String reason = delivery.reason();
        for (Secret secret : secrets) {
            if (secret != null && !secret.reveal().isEmpty() && reason.contains(secret.reveal())) {
                reason = reason.replace(secret.reveal(), secret.toString());
            }
        }
        return reason.equals(delivery.reason()) ? delivery
                : new Delivery(delivery.outcome(), reason, delivery.retryAfter());
    }
}

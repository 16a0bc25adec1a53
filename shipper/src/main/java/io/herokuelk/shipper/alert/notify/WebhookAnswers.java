package io.herokuelk.shipper.alert.notify;

/**
 * A generic receiver: any 2xx is delivered; 408 (it gave up waiting), 429 and 5xx are worth another try; any other
 * answer (400, 401, 404, a redirect, which is not followed) would fail the same way again.
 */
final class WebhookAnswers {

    private WebhookAnswers() {}

    static Delivery classify(HttpAnswer answer) {
        if (answer.success()) {
            return Delivery.delivered();
        }
        if (answer.status() == 408 || answer.status() == 429 || answer.status() >= 500) {
            return Delivery.retryable(answer.describe(), answer.retryAfter());
        }
        return Delivery.rejected(answer.describe());
    }
}

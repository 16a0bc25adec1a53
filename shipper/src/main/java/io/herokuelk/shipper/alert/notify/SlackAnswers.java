package io.herokuelk.shipper.alert.notify;

/**
 * Slack incoming webhooks answer 200 "ok"; errors are a short code in the body: 400 invalid_payload, 403
 * invalid_token or action_prohibited, 404 no_service or channel_not_found, 410 channel_is_archived (all permanent
 * until someone fixes the webhook), 429 rate_limited with Retry-After, 5xx.
 */
final class SlackAnswers {

    private SlackAnswers() {}

    static Delivery classify(HttpAnswer answer) {
        if (answer.status() == 200) {
            return Delivery.delivered();
        }
        if (answer.status() == 429 || answer.status() >= 500) {
            return Delivery.retryable(answer.describe(), answer.retryAfter());
        }
        return Delivery.rejected(answer.describe());
    }
}

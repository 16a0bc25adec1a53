package io.herokuelk.shipper.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AnswersTest {

    @Test
    void slackDeliversOn200RetriesOn429And5xxAndRejectsTheRest() {
        check(SlackAnswers::classify, 200, Delivery.Outcome.DELIVERED);
        check(SlackAnswers::classify, 429, Delivery.Outcome.RETRYABLE);
        check(SlackAnswers::classify, 500, Delivery.Outcome.RETRYABLE);
        check(SlackAnswers::classify, 503, Delivery.Outcome.RETRYABLE);
        check(SlackAnswers::classify, 400, Delivery.Outcome.REJECTED);
        check(SlackAnswers::classify, 403, Delivery.Outcome.REJECTED);
        check(SlackAnswers::classify, 404, Delivery.Outcome.REJECTED);
        check(SlackAnswers::classify, 410, Delivery.Outcome.REJECTED);
    }

    @Test
    void pagerDutyDeliversOn202RetriesOn429And5xxAndRejectsTheRest() {
        check(PagerDutyAnswers::classify, 202, Delivery.Outcome.DELIVERED);
        check(PagerDutyAnswers::classify, 429, Delivery.Outcome.RETRYABLE);
        check(PagerDutyAnswers::classify, 502, Delivery.Outcome.RETRYABLE);
        check(PagerDutyAnswers::classify, 400, Delivery.Outcome.REJECTED);
        check(PagerDutyAnswers::classify, 413, Delivery.Outcome.REJECTED);
    }

    @Test
    void aWebhookDeliversOn2xxRetriesOn408And429And5xxAndRejectsTheRest() {
        check(WebhookAnswers::classify, 200, Delivery.Outcome.DELIVERED);
        check(WebhookAnswers::classify, 204, Delivery.Outcome.DELIVERED);
        check(WebhookAnswers::classify, 408, Delivery.Outcome.RETRYABLE);
        check(WebhookAnswers::classify, 429, Delivery.Outcome.RETRYABLE);
        check(WebhookAnswers::classify, 504, Delivery.Outcome.RETRYABLE);
        check(WebhookAnswers::classify, 301, Delivery.Outcome.REJECTED);
        check(WebhookAnswers::classify, 400, Delivery.Outcome.REJECTED);
        check(WebhookAnswers::classify, 401, Delivery.Outcome.REJECTED);
    }

    @Test
    void aRetryableAnswerCarriesTheReceiversPause() {
        Delivery delivery = WebhookAnswers.classify(new HttpAnswer(503, "busy", Duration.ofSeconds(12)));

        assertThat(delivery.retryAfter()).isEqualTo(Duration.ofSeconds(12));
        assertThat(delivery.reason()).isEqualTo("HTTP 503: busy");
    }

    @Test
    void readsRetryAfterInSecondsOrAsADate() {
        Instant now = Instant.parse("2025-03-04T10:00:00Z");

        assertThat(RetryAfter.parse(Optional.of("7"), now)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(Optional.of("Tue, 04 Mar 2025 10:00:45 GMT"), now))
                .isEqualTo(Duration.ofSeconds(45));
        assertThat(RetryAfter.parse(Optional.of("Tue, 04 Mar 2025 09:00:00 GMT"), now))
                .isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse(Optional.of("soon"), now)).isNull();
        assertThat(RetryAfter.parse(Optional.of("-3"), now)).isNull();
        assertThat(RetryAfter.parse(Optional.empty(), now)).isNull();
    }

    private static void check(Function<HttpAnswer, Delivery> classifier, int status, Delivery.Outcome expected) {
        assertThat(classifier.apply(new HttpAnswer(status, "", null)).outcome())
                .as("HTTP %d", status)
                .isEqualTo(expected);
    }
}

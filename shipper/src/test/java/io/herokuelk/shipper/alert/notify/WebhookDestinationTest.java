package io.herokuelk.shipper.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.shipper.alert.model.AlertJson;
import io.herokuelk.shipper.config.Secret;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WebhookDestinationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private Receiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = Receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void postsTheAlertDocumentWithTheAuthorizationHeader() throws Exception {
        WebhookDestination webhook = webhook(new Secret("Bearer s3cr3t-t0ken"));
        var alert = SampleAlerts.r14Firing();

        assertThat(webhook.deliver(alert).isDelivered()).isTrue();

        Receiver.Request request = receiver.next();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer s3cr3t-t0ken");
        assertThat(JsonMapper.shared().readTree(request.body()))
                .isEqualTo(JsonMapper.shared().readTree(AlertJson.toBytes(alert)));
        assertThat(AlertJson.fromJson(request.body())).isEqualTo(alert);
    }

    @Test
    void sendsNoAuthorizationHeaderWhenNoneIsConfigured() throws Exception {
        webhook(null).deliver(SampleAlerts.r14Firing());

        assertThat(receiver.next().headers().containsKey("Authorization")).isFalse();
    }

    @Test
    void anAnswerEchoingTheSecretIsRedactedFromTheReason() {
        receiver.thenAnswer(401, "bad credentials: Bearer s3cr3t-t0ken");

        Delivery delivery = webhook(new Secret("Bearer s3cr3t-t0ken")).deliver(SampleAlerts.r14Firing());

        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.REJECTED);
        assertThat(delivery.reason())
                .isEqualTo("HTTP 401: bad credentials: ******")
                .doesNotContain("s3cr3t");
    }

    private WebhookDestination webhook(Secret authorization) {
        return new WebhookDestination(
                new Secret(receiver.uri("/hooks/alerts").toString()),
                authorization,
                new HttpPoster(HttpPoster.defaultClient(TIMEOUT), TIMEOUT));
    }
}

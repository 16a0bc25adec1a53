package io.herokuelk.shipper.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.shipper.config.Secret;
import org.junit.jupiter.api.Test;

class RedactionTest {

    private static final Secret SLACK =
            new Secret("https://hooks.slack.com/services/T0AAAA/B0BBBB/abcdefghijklmnopqrstuvwx");

    @Test
    void hidesAWebhookUrlWholeItsPathAndItsToken() {
        Redaction redaction = Redaction.ofUrl(SLACK);

        assertThat(scrub(redaction, "posted to " + SLACK.reveal())).isEqualTo("posted to ******");
        assertThat(scrub(redaction, "no route /services/T0AAAA/B0BBBB/abcdefghijklmnopqrstuvwx"))
                .isEqualTo("no route ******");
        assertThat(scrub(redaction, "token abcdefghijklmnopqrstuvwx revoked")).isEqualTo("token ****** revoked");
        assertThat(scrub(redaction, "HTTP 404: no_service")).isEqualTo("HTTP 404: no_service");
    }

    @Test
    void hidesQueryTokensAndOtherSecrets() {
        Redaction redaction = Redaction.ofUrl(
                new Secret("https://example.com/in?token=hookSecretToken456"),
                new Secret("Bearer authSecret789"),
                null);

        assertThat(scrub(redaction, "bad token=hookSecretToken456 for Bearer authSecret789"))
                .doesNotContain("hookSecretToken456", "authSecret789");
    }

    @Test
    void aShortPathIsNoSecret() {
        Redaction redaction = Redaction.ofUrl(new Secret("https://alerts.example.com/"));

        assertThat(scrub(redaction, "HTTP 404: /not/here")).isEqualTo("HTTP 404: /not/here");
    }

    private static String scrub(Redaction redaction, String reason) {
        return redaction.scrub(Delivery.rejected(reason)).reason();
    }
}

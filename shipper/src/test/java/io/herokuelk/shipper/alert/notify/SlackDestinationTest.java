package io.herokuelk.shipper.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.shipper.alert.model.Alert;
import io.herokuelk.shipper.config.Secret;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SlackDestinationTest {

    private Receiver slack;
    private SlackDestination destination;

    @BeforeEach
    void start() throws Exception {
        slack = Receiver.start();
        Duration timeout = Duration.ofSeconds(5);
        destination = new SlackDestination(
                new Secret(slack.uri("/services/T000/B000/XXXX").toString()),
                new HttpPoster(HttpPoster.defaultClient(timeout), timeout));
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void postsAReadableMessageWithFiguresSamplesPathsAndRemediation() throws Exception {
        assertThat(destination.deliver(SampleAlerts.r14Firing())).isEqualTo(Delivery.delivered());

        Receiver.Request request = slack.next();
        assertThat(request.path()).isEqualTo("/services/T000/B000/XXXX");
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
        JsonNode message = JsonMapper.shared().readTree(request.body());
        assertThat(message.path("text").stringValue()).startsWith("WARNING: r14 on notes-prod web.1");
        JsonNode attachment = message.path("attachments").get(0);
        assertThat(attachment.path("color").stringValue()).isEqualTo(SlackMessage.AMBER);
        String blocks = attachment.path("blocks").toString();
        assertThat(blocks)
                .contains("*App*\\nnotes-prod", "*Dyno*\\nweb.1", "*State*\\nfiring")
                .contains("`memory_total_mb`: 612.4", "`memory_quota_mb`: 512", "`quota_pct`: 119.6")
                .contains("Last memory samples", "612.4 MB of 512 MB (119.6%)", "498.1 MB of 512 MB (97.3%)")
                .contains("Busiest paths", "`/api/notes`  1840 req, p95 45.5 ms, max 310 ms")
                .contains("Slowest paths", "`/reports/export`  12 req, p95 8700 ms, max 29950 ms")
                .contains("*Remediation*", "WEB_CONCURRENCY")
                .contains(
                        "*Diagnosis: too many processes* (high confidence; from app.memory per process (5 pids),"
                                + " heroku memory of the dyno)",
                        "web.1 runs 5 app processes holding 61-188 MB each",
                        "Also: memory_growth (medium)");
    }

    @Test
    void aResolvedAlertSaysSoInGreenWithoutRemediation() throws Exception {
        destination.deliver(SampleAlerts.r14Resolved());

        JsonNode message = JsonMapper.shared().readTree(slack.next().body());
        assertThat(message.path("text").stringValue()).startsWith("RESOLVED: r14 on notes-prod web.1");
        JsonNode attachment = message.path("attachments").get(0);
        assertThat(attachment.path("color").stringValue()).isEqualTo(SlackMessage.GREEN);
        assertThat(attachment.path("blocks").toString())
                .contains("*State*\\nresolved")
                .doesNotContain("Remediation");
    }

    @Test
    void aCriticalAlertIsRed() throws Exception {
        destination.deliver(SampleAlerts.r15Critical());

        JsonNode message = JsonMapper.shared().readTree(slack.next().body());
        assertThat(message.path("attachments").get(0).path("color").stringValue())
                .isEqualTo(SlackMessage.RED);
    }

    @Test
    void escapesMarkupInPaths() {
        var alert = SampleAlerts.r14Firing();
        var context = new Alert.Context(
                alert.context().memory(), List.of(new Alert.PathStat("/search?q=<b>&x", 3, 1, 2)), List.of());
        var odd = new Alert(
                alert.rule(),
                alert.type(),
                alert.severity(),
                alert.state(),
                alert.app(),
                alert.dyno(),
                alert.startedAt(),
                alert.at(),
                alert.summary(),
                alert.figures(),
                context,
                alert.remediation(),
                alert.diagnosis());

        assertThat(SlackMessage.toTree(odd).toString()).contains("/search?q=&lt;b&gt;&amp;x");
    }

    @Test
    void rateLimitIsRetryableWithItsPauseAndARevokedWebhookIsNot() {
        slack.thenAnswer(429, "rate_limited", "Retry-After", "30").thenAnswer(404, "no_service");

        Delivery limited = destination.deliver(SampleAlerts.r14Firing());
        Delivery revoked = destination.deliver(SampleAlerts.r14Firing());

        assertThat(limited.outcome()).isEqualTo(Delivery.Outcome.RETRYABLE);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(revoked.outcome()).isEqualTo(Delivery.Outcome.REJECTED);
        assertThat(revoked.reason()).isEqualTo("HTTP 404: no_service");
    }
}

package io.herokuelk.shipper.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.shipper.config.Secret;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PagerDutyDestinationTest {

    private static final String ROUTING_KEY = "R0UT1NGKEY0123456789abcdefABCDEF";

    private Receiver pagerDuty;
    private PagerDutyDestination destination;

    @BeforeEach
    void start() throws Exception {
        pagerDuty = Receiver.start()
                .otherwiseAnswer(202, "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"x\"}");
        Duration timeout = Duration.ofSeconds(5);
        destination = new PagerDutyDestination(
                new Secret(ROUTING_KEY),
                pagerDuty.uri("/v2/enqueue"),
                new HttpPoster(HttpPoster.defaultClient(timeout), timeout));
    }

    @AfterEach
    void stop() {
        pagerDuty.close();
    }

    @Test
    void triggersThenResolvesTheSameIncident() throws Exception {
        var firing = SampleAlerts.r14Firing();
        var resolved = SampleAlerts.r14Resolved();

        assertThat(destination.deliver(firing).isDelivered()).isTrue();
        assertThat(destination.deliver(resolved).isDelivered()).isTrue();

        JsonNode trigger = JsonMapper.shared().readTree(pagerDuty.next().body());
        JsonNode resolve = JsonMapper.shared().readTree(pagerDuty.next().body());
        assertThat(trigger.path("routing_key").stringValue()).isEqualTo(ROUTING_KEY);
        assertThat(trigger.path("event_action").stringValue()).isEqualTo("trigger");
        assertThat(trigger.path("dedup_key").stringValue()).isEqualTo(firing.episodeId());
        JsonNode payload = trigger.path("payload");
        assertThat(payload.path("summary").stringValue()).isEqualTo(firing.summary());
        assertThat(payload.path("severity").stringValue()).isEqualTo("warning");
        assertThat(payload.path("source").stringValue()).isEqualTo("notes-prod/web.1");
        assertThat(payload.path("component").stringValue()).isEqualTo("web.1");
        assertThat(payload.path("custom_details")
                        .path("figures")
                        .path("quota_pct")
                        .doubleValue())
                .isEqualTo(119.6);
        assertThat(payload.path("custom_details")
                        .path("context")
                        .path("slowest")
                        .get(0)
                        .path("path")
                        .stringValue())
                .isEqualTo("/reports/export");
        assertThat(payload.path("custom_details").path("remediation").stringValue())
                .contains("WEB_CONCURRENCY");
        assertThat(payload.path("custom_details")
                        .path("diagnosis")
                        .path("cause")
                        .stringValue())
                .isEqualTo("too_many_processes");

        assertThat(resolve.path("event_action").stringValue()).isEqualTo("resolve");
        assertThat(resolve.path("dedup_key").stringValue())
                .isEqualTo(trigger.path("dedup_key").stringValue());
        assertThat(resolve.path("routing_key").stringValue()).isEqualTo(ROUTING_KEY);
    }

    @Test
    void aCriticalAlertIsCritical() throws Exception {
        destination.deliver(SampleAlerts.r15Critical());

        JsonNode trigger = JsonMapper.shared().readTree(pagerDuty.next().body());
        assertThat(trigger.path("payload").path("severity").stringValue()).isEqualTo("critical");
    }

    @Test
    void anInvalidEventIsRejectedAndThrottlingIsRetried() {
        pagerDuty
                .thenAnswer(400, "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\"}")
                .thenAnswer(429, "{\"status\":\"throttle event\"}");

        assertThat(destination.deliver(SampleAlerts.r14Firing()).outcome()).isEqualTo(Delivery.Outcome.REJECTED);
        assertThat(destination.deliver(SampleAlerts.r14Firing()).outcome()).isEqualTo(Delivery.Outcome.RETRYABLE);
    }
}

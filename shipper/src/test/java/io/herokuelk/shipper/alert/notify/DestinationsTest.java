package io.herokuelk.shipper.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.herokuelk.shipper.config.ConfigurationException;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.testing.Metrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DestinationsTest {

    private static final String SLACK_TOKEN = "T0SECRET/B0SECRET/slackSecretToken123";
    private static final String HOOK_TOKEN = "hookSecretToken456";
    private static final String AUTHORIZATION = "Bearer authSecret789";
    private static final String ROUTING_KEY = "routingKeySecret000";

    @Test
    void theLogAloneWhenNothingElseIsConfigured() {
        Environment env = new Environment(Map.of());

        List<Destination> destinations = Destinations.fromEnvironment(env);

        env.validate();
        assertThat(destinations).extracting(Destination::name).containsExactly("log");
    }

    @Test
    void eachDestinationWhoseVariablesAreSet() throws Exception {
        try (Receiver pagerDuty = Receiver.start().otherwiseAnswer(202, "{}")) {
            Environment env = new Environment(Map.of(
                    "SLACK_WEBHOOK_URL",
                    "https://hooks.slack.com/services/" + SLACK_TOKEN,
                    "ALERT_WEBHOOK_URL",
                    "https://alerts.example.com/in?token=" + HOOK_TOKEN,
                    "ALERT_WEBHOOK_AUTHORIZATION",
                    AUTHORIZATION,
                    "PAGERDUTY_ROUTING_KEY",
                    ROUTING_KEY,
                    "PAGERDUTY_EVENTS_URL",
                    pagerDuty.uri("/v2/enqueue").toString()));

            List<Destination> destinations = Destinations.fromEnvironment(env);

            env.validate();
            assertThat(destinations)
                    .extracting(Destination::name)
                    .containsExactly("log", "slack", "webhook", "pagerduty");
            assertThat(destinations.get(3).deliver(SampleAlerts.r14Firing()).isDelivered())
                    .isTrue();
            assertThat(pagerDuty.next().path()).isEqualTo("/v2/enqueue");
            assertThat(destinations.toString()).doesNotContain(SLACK_TOKEN, HOOK_TOKEN, AUTHORIZATION, ROUTING_KEY);
        }
    }

    @Test
    void badValuesAreReportedWithoutTheSecret() {
        Environment env = new Environment(Map.of(
                "SLACK_WEBHOOK_URL",
                "hooks.slack.com/services/" + SLACK_TOKEN,
                "ALERT_WEBHOOK_URL",
                "ftp://example.com/" + HOOK_TOKEN,
                "PAGERDUTY_EVENTS_URL",
                "not a url",
                "ALERT_REQUEST_TIMEOUT_MS",
                "soon"));

        List<Destination> destinations = Destinations.fromEnvironment(env);

        assertThat(destinations).extracting(Destination::name).containsExactly("log");
        assertThatThrownBy(env::validate)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SLACK_WEBHOOK_URL is not an absolute http or https URL")
                .hasMessageContaining("ALERT_WEBHOOK_URL is not an absolute http or https URL")
                .hasMessageContaining("PAGERDUTY_EVENTS_URL=not a url")
                .hasMessageContaining("PAGERDUTY_EVENTS_URL is set but PAGERDUTY_ROUTING_KEY is not")
                .hasMessageContaining("ALERT_REQUEST_TIMEOUT_MS=soon")
                .message()
                .doesNotContain(SLACK_TOKEN, HOOK_TOKEN);
    }

    @Test
    void anAuthorizationWithoutAWebhookIsAProblem() {
        Environment env = new Environment(Map.of("ALERT_WEBHOOK_AUTHORIZATION", AUTHORIZATION));

        Destinations.fromEnvironment(env);

        assertThatThrownBy(env::validate)
                .hasMessageContaining("ALERT_WEBHOOK_AUTHORIZATION is set")
                .message()
                .doesNotContain(AUTHORIZATION);
    }

    @Test
    void failedDeliveriesNeverLogASecret() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PrometheusRegistry registry = new PrometheusRegistry();
        try (Receiver slack = Receiver.start().otherwiseAnswer(500, "error at /services/" + SLACK_TOKEN);
                Receiver pagerDuty =
                        Receiver.start().otherwiseAnswer(400, "{\"errors\":[\"bad key " + ROUTING_KEY + "\"]}");
                LogCapture logs = new LogCapture()) {
            Environment env = new Environment(Map.of(
                    "SLACK_WEBHOOK_URL",
                    slack.uri("/services/" + SLACK_TOKEN).toString(),
                    "ALERT_WEBHOOK_URL",
                    "http://127.0.0.1:" + closedPort + "/in?token=" + HOOK_TOKEN,
                    "ALERT_WEBHOOK_AUTHORIZATION",
                    AUTHORIZATION,
                    "PAGERDUTY_ROUTING_KEY",
                    ROUTING_KEY,
                    "PAGERDUTY_EVENTS_URL",
                    pagerDuty.uri("/v2/enqueue").toString(),
                    "ALERT_REQUEST_TIMEOUT_MS",
                    "2000"));
            NotifierSettings twoAttempts = new NotifierSettings(
                    10,
                    2,
                    Duration.ofMinutes(1),
                    Duration.ofMillis(1),
                    Duration.ofMillis(10),
                    Duration.ofSeconds(2),
                    100);
            FakeTime time = new FakeTime();
            try (Notifier notifier = new Notifier(
                    Destinations.fromEnvironment(env), twoAttempts, new DeliveryMetrics(registry), time, time)) {
                env.validate();
                notifier.submit(SampleAlerts.r14Firing());
                await().atMost(15, TimeUnit.SECONDS)
                        .until(() -> Metrics.counter(
                                                registry,
                                                "alerter_delivery_give_ups_total",
                                                "destination",
                                                "slack",
                                                "cause",
                                                "attempts")
                                        == 1
                                && Metrics.counter(
                                                registry,
                                                "alerter_delivery_give_ups_total",
                                                "destination",
                                                "webhook",
                                                "cause",
                                                "attempts")
                                        == 1
                                && Metrics.counter(
                                                registry,
                                                "alerter_deliveries_total",
                                                "destination",
                                                "pagerduty",
                                                "outcome",
                                                "rejected")
                                        == 1);
            }
            List<String> lines = logs.lines();
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("slack", "HTTP 500"));
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("webhook", "connection failed"));
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("pagerduty", "HTTP 400"));
            assertThat(String.join("\n", lines))
                    .doesNotContain(SLACK_TOKEN, "slackSecretToken123", HOOK_TOKEN, "authSecret789", ROUTING_KEY);
        }
    }
}

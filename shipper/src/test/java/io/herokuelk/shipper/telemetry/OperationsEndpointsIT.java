package io.herokuelk.shipper.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herokuelk.devstack.runner.EmbeddedKafka;
import io.herokuelk.devstack.testing.KafkaEndpoint;
import io.herokuelk.devstack.testing.RealServices;
import io.herokuelk.shipper.testing.RunningIngest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipper's own endpoints on a running {@code ingest}, over real sockets: readiness follows a real broker,
 * {@code /metrics} shows the JVM's and the process's series and is never open on the public drain port.
 */
@ExtendWith(RealServices.class)
class OperationsEndpointsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String METRICS_CREDENTIALS = RunningIngest.METRICS_USER + ":" + RunningIngest.METRICS_PASSWORD;

    private RunningIngest running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void readinessTurnsUnreadyWhenTheBrokerStopsAndLivenessStaysUp(@TempDir Path data) throws Exception {
        try (EmbeddedKafka broker = new EmbeddedKafka(data)) {
            broker.start();
            running = start(broker.address(), Map.of());
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(get("/readyz").statusCode()).isEqualTo(200));
            JsonNode ready = JSON.readTree(get("/readyz").body());
            assertThat(ready.path("status").asString()).isEqualTo("ready");
            assertThat(ready.path("checks").path("kafka").path("status").asString())
                    .isEqualTo("up");

            broker.close();

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(get("/readyz").statusCode()).isEqualTo(503));
            JsonNode unready = JSON.readTree(get("/readyz").body());
            assertThat(unready.path("status").asString()).isEqualTo("unready");
            assertThat(unready.path("checks").path("kafka").path("status").asString())
                    .isEqualTo("down");
            assertThat(unready.path("checks").path("kafka").path("detail").asString())
                    .contains("did not answer");
            assertThat(get("/healthz").statusCode())
                    .as("liveness does not follow the broker")
                    .isEqualTo(200);
        }
    }

    @Test
    void metricsAreNotOnTheDrainPortWithoutCredentialsButOnTheMetricsPort(KafkaEndpoint kafka) throws Exception {
        running = start(kafka.bootstrapServers(), Map.of("METRICS_PORT", "0"));

        assertThat(get("/metrics").statusCode()).isEqualTo(404);
        int port = running.service().metricsPort().orElseThrow();
        HttpResponse<String> metrics = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains(
                        "jvm_memory_used_bytes",
                        "jvm_gc_collection_seconds",
                        "jvm_threads_current",
                        "process_resident_memory_bytes",
                        "shipper_logplex_dropped_messages_total");
        assertThat(HTTP.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .contains("\"kafka\"");
    }

    @Test
    void withCredentialsTheDrainPortServesMetricsToThoseWhoHaveThem(KafkaEndpoint kafka) throws Exception {
        running = start(kafka.bootstrapServers(), Map.of("METRICS_CREDENTIALS", METRICS_CREDENTIALS));

        HttpResponse<String> anonymous = get("/metrics");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(running.send(HttpRequest.newBuilder(running.uri("/metrics"))
                                .header(
                                        "Authorization",
                                        RunningIngest.basic(RunningIngest.USER, RunningIngest.PASSWORD)))
                        .statusCode())
                .as("the drain's credentials are not the metrics'")
                .isEqualTo(401);
        HttpResponse<String> signedIn = running.metrics();
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).contains("jvm_memory_used_bytes", "process_resident_memory_bytes");
    }

    private RunningIngest start(String bootstrap, Map<String, String> extra) throws Exception {
        return RunningIngest.start(bootstrap, "events-" + UUID.randomUUID(), "dead-" + UUID.randomUUID(), extra);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return running.send(HttpRequest.newBuilder(running.uri(path)).GET());
    }
}

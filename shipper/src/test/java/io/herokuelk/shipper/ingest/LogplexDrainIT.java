package io.herokuelk.shipper.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.devstack.runner.EmbeddedKafka;
import io.herokuelk.devstack.testing.KafkaEndpoint;
import io.herokuelk.devstack.testing.RealServices;
import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.testing.RunningIngest;
import io.herokuelk.shipper.testing.TopicReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTPS drain over real sockets, publishing to a real broker. */
@ExtendWith(RealServices.class)
class LogplexDrainIT {

    private static final String USER = RunningIngest.USER;
    private static final String PASSWORD = RunningIngest.PASSWORD;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private final String events = "events-" + UUID.randomUUID();
    private final String deadLetters = "dead-" + UUID.randomUUID();
    private RunningIngest running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void aPostedBodyArrivesInKafkaAsOneDocumentPerMessage(KafkaEndpoint kafka) throws Exception {
        running = start(
                kafka.bootstrapServers(),
                Map.of("METRICS_CREDENTIALS", RunningIngest.METRICS_USER + ":" + RunningIngest.METRICS_PASSWORD));
        byte[] body = Files.readAllBytes(GOLDEN.resolve("router.logplex"));
        int messages = new DrainBodyParser(running.settings().parser())
                .parseBody(body, io.herokuelk.shipper.parse.DrainContext.of("x", java.time.Instant.now()))
                .events()
                .size();

        HttpResponse<String> response = post("/logs/myapp", body, "A1B2C3D4E5F60718293A4B5C6D7E8F90", true);

        assertThat(response.statusCode()).isEqualTo(204);
        List<JsonNode> documents = documents(kafka, events, messages);
        assertThat(documents).hasSize(messages);
        assertThat(documents).allSatisfy(document -> {
            assertThat(document.path("heroku").path("app").asString()).isEqualTo("myapp");
            assertThat(document.path("event").path("dataset").asString()).isEqualTo("heroku.router");
            assertThat(document.path("heroku").path("drain").path("frame_id").asString())
                    .isEqualTo("A1B2C3D4E5F60718293A4B5C6D7E8F90");
        });
        assertThat(metrics()).contains("shipper_drain_requests_total{status=\"204\",transport=\"https\"} 1.0");
    }

    @Test
    void aBatchPostedTwiceWithTheSameFrameIdGivesTheSameEventIds(KafkaEndpoint kafka) throws Exception {
        running = start(kafka.bootstrapServers(), Map.of());
        byte[] body = Files.readAllBytes(GOLDEN.resolve("dyno-lines.logplex"));

        assertThat(post("/logs?app=myapp", body, "0F0E0D0C0B0A09080706050403020100", true)
                        .statusCode())
                .isEqualTo(204);
        assertThat(post("/logs?app=myapp", body, "0F0E0D0C0B0A09080706050403020100", true)
                        .statusCode())
                .isEqualTo(204);

        List<String> ids = documents(kafka, events, 2).stream()
                .map(document -> document.path("event").path("id").asString())
                .toList();
        int perPost = ids.size() / 2;
        assertThat(ids).hasSize(perPost * 2);
        assertThat(ids.subList(perPost, ids.size())).containsExactlyElementsOf(ids.subList(0, perPost));
        assertThat(ids.subList(0, perPost)).doesNotHaveDuplicates();
    }

    @Test
    void garbageBetweenFramesGoesToTheDeadLetterTopicAndItsNeighboursGoOn(KafkaEndpoint kafka) throws Exception {
        running = start(kafka.bootstrapServers(), Map.of());
        byte[] body = Files.readAllBytes(GOLDEN.resolve("garbage-between-frames.logplex"));
        var parsed = new DrainBodyParser(running.settings().parser())
                .parseBody(body, io.herokuelk.shipper.parse.DrainContext.of("x", java.time.Instant.now()));
        assertThat(parsed.garbage()).as("the golden body holds garbage").isNotEmpty();

        assertThat(post("/logs/myapp", body, null, true).statusCode()).isEqualTo(204);

        assertThat(documents(kafka, events, parsed.events().size()))
                .hasSize(parsed.events().size());
        List<ConsumerRecord<byte[], byte[]>> letters = TopicReader.read(
                kafka.bootstrapServers(), deadLetters, parsed.garbage().size(), Duration.ofSeconds(30));
        assertThat(letters).hasSize(parsed.garbage().size());
        assertThat(letters).allSatisfy(letter -> {
            assertThat(header(letter, "reason")).isNotBlank();
            assertThat(header(letter, "stage")).isEqualTo("framing");
            assertThat(header(letter, "app")).isEqualTo("myapp");
        });
        assertThat(letters.stream().map(l -> new String(l.value(), StandardCharsets.UTF_8)))
                .containsExactlyElementsOf(
                        parsed.garbage().stream().map(g -> g.text()).toList());
    }

    @Test
    void requestsThatCanNeverSucceedGetTheirOwnStatus(KafkaEndpoint kafka) throws Exception {
        running = start(kafka.bootstrapServers(), Map.of("DRAIN_MAX_BODY_BYTES", "2048"));
        byte[] small = Files.readAllBytes(GOLDEN.resolve("dyno-lines.logplex"));

        assertThat(post("/logs", small, null, false).statusCode()).isEqualTo(401);
        assertThat(send(request("/logs", small).header("Authorization", basic(USER, "wrong")))
                        .statusCode())
                .isEqualTo(401);
        assertThat(send(request("/logs", small)
                                .header("Authorization", basic(USER, PASSWORD))
                                .header("Content-Type", "text/plain"))
                        .statusCode())
                .isEqualTo(415);
        assertThat(post("/logs", new byte[4096], null, true).statusCode()).isEqualTo(413);
        assertThat(send(HttpRequest.newBuilder(uri("/logs")).GET()).statusCode())
                .isEqualTo(405);
        assertThat(post("/elsewhere", small, null, true).statusCode()).isEqualTo(404);
        assertThat(TopicReader.read(kafka.bootstrapServers(), events, 1, Duration.ofSeconds(2)))
                .isEmpty();
    }

    @Test
    void aBodyWithoutLogplexHeadersIsAccepted(KafkaEndpoint kafka) throws Exception {
        running = start(kafka.bootstrapServers(), Map.of());
        byte[] body = Files.readAllBytes(GOLDEN.resolve("dyno-lines.logplex"));

        HttpResponse<String> response = send(request("/logs/private-space-app", body)
                .header("Authorization", basic(USER, PASSWORD))
                .header("Content-Type", "application/logplex-1")
                .header("User-Agent", "log-shuttle/0.19"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(documents(kafka, events, 1))
                .isNotEmpty()
                .allSatisfy(
                        d -> assertThat(d.path("heroku").path("app").asString()).isEqualTo("private-space-app"));
    }

    @Test
    void aStoppedBrokerGets503WithRetryAfterInsideLogplexTimeout(@TempDir Path data) throws Exception {
        try (EmbeddedKafka broker = new EmbeddedKafka(data)) {
            broker.start();
            running = start(broker.address(), Map.of());
            byte[] body = Files.readAllBytes(GOLDEN.resolve("dyno-lines.logplex"));
            assertThat(post("/logs/myapp", body, null, true).statusCode()).isEqualTo(204);

            broker.close();
            long started = System.nanoTime();
            HttpResponse<String> response = post("/logs/myapp", body, null, true);
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(elapsedMs).as("answered before Logplex's 5 s timeout").isLessThan(5_000);
        }
    }

    private RunningIngest start(String bootstrap, Map<String, String> extra) throws IOException {
        return RunningIngest.start(bootstrap, events, deadLetters, extra);
    }

    private List<JsonNode> documents(KafkaEndpoint kafka, String topic, int expected) {
        return TopicReader.read(kafka.bootstrapServers(), topic, expected, Duration.ofSeconds(30)).stream()
                .map(record -> JSON.readTree(record.value()))
                .toList();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private String metrics() throws Exception {
        return running.metrics().body();
    }

    private HttpResponse<String> post(String path, byte[] body, String frameId, boolean authenticated)
            throws Exception {
        return running.post(path, body, frameId, authenticated);
    }

    private HttpRequest.Builder request(String path, byte[] body) {
        return running.request(path, body);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return running.send(request);
    }

    private URI uri(String path) {
        return running.uri(path);
    }

    private static String basic(String user, String password) {
        return RunningIngest.basic(user, password);
    }
}

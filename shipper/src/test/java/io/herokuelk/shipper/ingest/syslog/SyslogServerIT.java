package io.herokuelk.shipper.ingest.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herokuelk.devstack.testing.KafkaEndpoint;
import io.herokuelk.devstack.testing.RealServices;
import io.herokuelk.shipper.config.DrainSettings;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.ingest.BatchIngestor;
import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.parse.ParserSettings;
import io.herokuelk.shipper.publish.KafkaEventPublisher;
import io.herokuelk.shipper.telemetry.IngestMetrics;
import io.herokuelk.shipper.testing.TopicReader;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The syslog listeners over real sockets (plain and TLS), publishing to the real broker. */
@ExtendWith(RealServices.class)
class SyslogServerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = "d.1b2c3d4e-0000-4000-8000-000000000001";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final String events = "syslog-events-" + UUID.randomUUID();
    private final String deadLetters = "syslog-dead-" + UUID.randomUUID();
    private KafkaEventPublisher publisher;
    private SyslogServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (publisher != null) {
            publisher.close();
        }
    }

    @Test
    void octetCountedFramesOverTcpArriveInKafkaAsDocuments(KafkaEndpoint kafka) throws Exception {
        start(kafka, Map.of("SYSLOG_TCP_PORT", "0"), SyslogLimits.defaults());

        try (SyslogClient client = SyslogClient.tcp(server.tcpPort().getAsInt())) {
            client.write(SyslogClient.frame(SyslogClient.message(TOKEN, "web.2", "Started GET \"/\"")));
            client.write(SyslogClient.frame(routerLine()));
            client.write(SyslogClient.frame("<45>1 2026-11-26T10:00:01+00:00 " + TOKEN
                    + " heroku web.2 - - Error R14 (Memory quota exceeded)"));
        }

        List<JsonNode> documents = documents(kafka, events, 3);
        assertThat(documents).hasSize(3);
        assertThat(documents)
                .extracting(d -> d.path("event").path("dataset").asString())
                .containsExactlyInAnyOrder("heroku.app", "heroku.router", "heroku.platform");
        JsonNode app = byDataset(documents, "heroku.app");
        assertThat(app.path("message").asString()).isEqualTo("Started GET \"/\"");
        assertThat(app.path("heroku").path("dyno").asString()).isEqualTo("web.2");
        assertThat(app.path("heroku").path("drain").path("token").asString()).isEqualTo(TOKEN);
        assertThat(app.path("heroku").path("app").asString()).isEqualTo("unknown");
        JsonNode router = byDataset(documents, "heroku.router");
        assertThat(router.path("http").path("response").path("status_code").asInt())
                .isEqualTo(304);
        assertThat(byDataset(documents, "heroku.platform")
                        .path("error")
                        .path("code")
                        .asString())
                .isEqualTo("R14");
    }

    @Test
    void aFrameWrittenByteByByteArrivesWhole(KafkaEndpoint kafka) throws Exception {
        start(kafka, Map.of("SYSLOG_TCP_PORT", "0", "DRAIN_TOKENS", TOKEN + "=myapp"), SyslogLimits.defaults());
        String text = "a line that travels one byte per write, with UTF-8: caf\u00e9 \u2603";

        try (SyslogClient client = SyslogClient.tcp(server.tcpPort().getAsInt())) {
            client.socketNoDelay();
            for (byte b : SyslogClient.frame(SyslogClient.message(TOKEN, "worker.3", text))) {
                client.write(new byte[] {b});
            }
        }

        List<JsonNode> documents = documents(kafka, events, 1);
        assertThat(documents).hasSize(1);
        assertThat(documents.getFirst().path("message").asString()).isEqualTo(text);
        assertThat(documents.getFirst().path("heroku").path("dyno").asString()).isEqualTo("worker.3");
        assertThat(documents.getFirst().path("heroku").path("app").asString()).isEqualTo("myapp");
    }

    @Test
    void manyFramesInOneWriteAllArriveInOrder(KafkaEndpoint kafka) throws Exception {
        start(kafka, Map.of("SYSLOG_TCP_PORT", "0"), SyslogLimits.defaults());
        int count = 500;
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            stream.write(SyslogClient.frame(SyslogClient.message(TOKEN, "web.1", "line " + i)));
        }

        try (SyslogClient client = SyslogClient.tcp(server.tcpPort().getAsInt())) {
            client.write(stream.toByteArray());
        }

        List<JsonNode> documents = documents(kafka, events, count);
        assertThat(documents)
                .extracting(d -> d.path("message").asString())
                .containsExactlyElementsOf(
                        IntStream.range(0, count).mapToObj(i -> "line " + i).toList());
        assertThat(documents)
                .extracting(d -> d.path("event").path("id").asString())
                .doesNotHaveDuplicates();
    }

    @Test
    void garbageBetweenFramesGoesToTheDeadLetterTopicWhileItsNeighboursArrive(KafkaEndpoint kafka) throws Exception {
        start(kafka, Map.of("SYSLOG_TCP_PORT", "0"), SyslogLimits.defaults());

        try (SyslogClient client = SyslogClient.tcp(server.tcpPort().getAsInt())) {
            client.write(SyslogClient.frame(SyslogClient.message(TOKEN, "web.1", "before")));
            client.write("this is not a frame ");
            client.write(SyslogClient.frame(SyslogClient.message(TOKEN, "web.1", "after")));
        }

        assertThat(documents(kafka, events, 2))
                .extracting(d -> d.path("message").asString())
                .containsExactly("before", "after");
        List<ConsumerRecord<byte[], byte[]>> letters = TopicReader.read(kafka.bootstrapServers(), deadLetters, 1, WAIT);
        assertThat(letters).hasSize(1);
        assertThat(new String(letters.getFirst().value(), StandardCharsets.UTF_8))
                .isEqualTo("this is not a frame ");
        assertThat(header(letters.getFirst(), "reason")).isEqualTo("length prefix is not a number");
        assertThat(header(letters.getFirst(), "stage")).isEqualTo("framing");
    }

    @Test
    void framesOverTlsArriveInKafkaAsDocuments(KafkaEndpoint kafka) throws Exception {
        TestCertificates.Pem pem = TestCertificates.ec();
        start(
                kafka,
                Map.of("SYSLOG_TLS_PORT", "0", "SYSLOG_TLS_CERT", pem.certificate(), "SYSLOG_TLS_KEY", pem.key()),
                SyslogLimits.defaults());
        assertThat(server.tcpPort()).isEmpty();

        try (SyslogClient client = SyslogClient.tls(server.tlsPort().getAsInt(), pem.trustingClient())) {
            assertThat(client.protocol()).isIn("TLSv1.3", "TLSv1.2");
            ByteArrayOutputStream two = new ByteArrayOutputStream();
            two.write(SyslogClient.frame(SyslogClient.message(TOKEN, "web.1", "first over tls")));
            two.write(SyslogClient.frame(SyslogClient.message(TOKEN, "web.1", "second over tls")));
            client.write(two.toByteArray());
            byte[] third = SyslogClient.frame(SyslogClient.message(TOKEN, "web.1", "third, in pieces"));
            for (int i = 0; i < third.length; i += 7) {
                client.write(Arrays.copyOfRange(third, i, Math.min(third.length, i + 7)));
            }
        }

        List<JsonNode> documents = documents(kafka, events, 3);
        assertThat(documents)
                .extracting(d -> d.path("message").asString())
                .containsExactly("first over tls", "second over tls", "third, in pieces");
        assertThat(documents)
                .extracting(d -> d.path("heroku").path("dyno").asString())
                .containsOnly("web.1");
    }

    @Test
    void aConnectionBeyondTheLimitIsRefusedAndItsPlaceReturnsWhenOneCloses(KafkaEndpoint kafka) throws Exception {
        start(kafka, Map.of("SYSLOG_TCP_PORT", "0"), SyslogLimits.defaults().withMaxConnections(1));
        int port = server.tcpPort().getAsInt();

        try (SyslogClient first = SyslogClient.tcp(port)) {
            first.write(SyslogClient.frame(SyslogClient.message(TOKEN, "web.1", "from the first")));
            assertThat(documents(kafka, events, 1)).hasSize(1);
            try (SyslogClient second = SyslogClient.tcp(port)) {
                assertThat(closedByServer(second)).isTrue();
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> server.openConnections() == 0);
        try (SyslogClient third = SyslogClient.tcp(port)) {
            third.write(SyslogClient.frame(SyslogClient.message(TOKEN, "web.1", "from the third")));
        }

        assertThat(documents(kafka, events, 2))
                .extracting(d -> d.path("message").asString())
                .containsExactly("from the first", "from the third");
    }

    private void start(KafkaEndpoint kafka, Map<String, String> drainEnv, SyslogLimits limits) {
        KafkaSettings kafkaSettings = KafkaSettings.from(new Environment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "KAFKA_EVENTS_TOPIC", events,
                "KAFKA_DEAD_LETTER_TOPIC", deadLetters)));
        publisher = new KafkaEventPublisher(kafkaSettings, Map.of());
        IngestMetrics metrics = new IngestMetrics(new PrometheusRegistry());
        Map<String, String> env = new HashMap<>(drainEnv);
        env.put("DRAIN_AUTH", "none");
        server = new SyslogServer(
                DrainSettings.from(new Environment(env)),
                new DrainBodyParser(ParserSettings.defaults()),
                new BatchIngestor(publisher, metrics),
                metrics,
                limits);
        server.start();
    }

    private static List<JsonNode> documents(KafkaEndpoint kafka, String topic, int expected) {
        return TopicReader.read(kafka.bootstrapServers(), topic, expected, WAIT).stream()
                .map(record -> JSON.readTree(record.value()))
                .toList();
    }

    private static JsonNode byDataset(List<JsonNode> documents, String dataset) {
        return documents.stream()
                .filter(d -> d.path("event").path("dataset").asString().equals(dataset))
                .findFirst()
                .orElseThrow();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** The server closed the connection: end of stream, or a reset if it closed with our bytes unread. */
    private static boolean closedByServer(SyslogClient client) throws IOException {
        try {
            return client.awaitClosedByServer(5_000) == -1;
        } catch (SocketException reset) {
            return true;
        }
    }

    private static String routerLine() {
        return "<158>1 2026-11-26T10:00:00.200000+00:00 " + TOKEN + " heroku router - - at=info method=GET path=\"/\""
                + " host=myapp.herokuapp.com request_id=55556666-7777-4888-9999-000011112222 fwd=\"203.0.113.7\""
                + " dyno=web.2 connect=0ms service=3ms status=304 bytes=0 protocol=https\n";
    }
}

package io.herokuelk.shipper.ingest.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.herokuelk.shipper.config.ConfigurationException;
import io.herokuelk.shipper.config.DrainSettings;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.ingest.BatchIngestor;
import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.parse.ParsedEvent;
import io.herokuelk.shipper.parse.ParserSettings;
import io.herokuelk.shipper.telemetry.IngestMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The listeners over real local sockets, with a scripted publisher in place of Kafka. */
class SyslogServerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = "d.1b2c3d4e-0000-4000-8000-000000000001";
    private static final SyslogLimits FAST = SyslogLimits.defaults()
            .withRetry(Duration.ofMillis(10), Duration.ofMillis(40))
            .withCloseGrace(Duration.ofMillis(500));

    private final ScriptedPublisher publisher = new ScriptedPublisher();
    private SyslogServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aBatchKafkaRefusesIsRetriedUntilStoredWhileLaterFramesWait() throws Exception {
        publisher.failNext(
                () -> new TimeoutException("broker away"),
                () -> new TimeoutException("broker away"),
                () -> new TimeoutException("broker away"));
        server = start(Map.of(), FAST);

        try (SyslogClient client = SyslogClient.tcp(server.tcpPort().getAsInt())) {
            client.write(SyslogClient.frame(SyslogClient.message(TOKEN, "web.1", "first")));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !publisher.attempts().isEmpty());
            client.write(SyslogClient.frame(SyslogClient.message(TOKEN, "web.1", "second")));
            await().atMost(Duration.ofSeconds(5)).until(() -> publisher.stored().size() == 2);
        }

        List<ScriptedPublisher.Attempt> attempts = publisher.attempts();
        assertThat(attempts)
                .extracting(a -> text(a.events().getFirst()))
                .containsExactly("first", "first", "first", "first", "second");
        assertThat(attempts)
                .extracting(ScriptedPublisher.Attempt::stored)
                .containsExactly(false, false, false, true, true);
        // The same parsed records each time, so Kafka gets the same event ids on every attempt.
        assertThat(attempts.subList(0, 4))
                .extracting(a -> a.events().getFirst().id())
                .containsOnly(attempts.getFirst().events().getFirst().id());
    }

    @Test
    void oneConnectionReadsOnWhileKafkaConfirmsUntilItsInFlightBound() throws Exception {
        publisher.hold();
        server = start(Map.of(), FAST.withMaxInFlightPerConnection(2_000));
        byte[] frame = SyslogClient.frame(SyslogClient.message(TOKEN, "web.1", "x".repeat(400)));

        try (SyslogClient client = SyslogClient.tcp(server.tcpPort().getAsInt())) {
            for (int i = 0; i < 12; i++) {
                client.write(frame);
                Thread.sleep(30); // each write its own read, so its own batch
            }
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> publisher.attempts().size() >= 2);
            Thread.sleep(300);
            int handed = publisher.attempts().size();
            // Nothing is confirmed, yet several batches were handed over: reading did not wait for Kafka.
            assertThat(handed).isGreaterThan(1);
            // ...but not all twelve: past 2,000 bytes unconfirmed the connection waits for its oldest.
            assertThat(handed * frame.length).isLessThanOrEqualTo(2_000 + frame.length);
            publisher.release();
            await().atMost(Duration.ofSeconds(5)).until(() -> publisher.stored().size() == 12);
        }
    }

    @Test
    void aBatchKafkaCanNeverTakeIsGivenUpAndReadingGoesOn() throws Exception {
        publisher.failNext(() -> new RecordTooLargeException("too large"));
        server = start(Map.of(), FAST);

        try (SyslogClient client = SyslogClient.tcp(server.tcpPort().getAsInt())) {
            client.write(SyslogClient.frame(SyslogClient.message(TOKEN, "web.1", "huge")));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !publisher.attempts().isEmpty());
            client.write(SyslogClient.frame(SyslogClient.message(TOKEN, "web.1", "after")));
            await().atMost(Duration.ofSeconds(5)).until(() -> publisher.stored().size() == 1);
        }

        assertThat(publisher.attempts()).hasSize(2);
        assertThat(text(publisher.stored().getFirst())).isEqualTo("after");
    }

    @Test
    void closingWhileKafkaRefusesEndsPromptlyAndStopsRetrying() throws Exception {
        publisher.failAlways(() -> new TimeoutException("broker away"));
        server = start(Map.of(), FAST.withRetry(Duration.ofSeconds(10), Duration.ofSeconds(10)));
        try (SyslogClient client = SyslogClient.tcp(server.tcpPort().getAsInt())) {
            client.write(SyslogClient.frame(SyslogClient.message(TOKEN, "web.1", "never stored")));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !publisher.attempts().isEmpty());

            long started = System.nanoTime();
            server.close();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(server.openConnections()).isZero();
            assertThat(publisher.attempts()).hasSize(1);
            assertThat(client.awaitClosedByServer(2_000)).isEqualTo(-1);
        }
    }

    @Test
    void theAppNameComesFromTheDrainTokenMap() throws Exception {
        server = start(Map.of("DRAIN_TOKENS", TOKEN + "=myapp"), FAST);

        try (SyslogClient client = SyslogClient.tcp(server.tcpPort().getAsInt())) {
            byte[] frame = SyslogClient.frame(SyslogClient.message(TOKEN, "web.1", "hello"));
            for (byte b : frame) {
                client.write(new byte[] {b}); // the token is read even when the header arrives in pieces
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> publisher.stored().size() == 1);
        }

        JsonNode document = JSON.readTree(publisher.stored().getFirst().document());
        assertThat(document.path("heroku").path("app").asString()).isEqualTo("myapp");
        assertThat(document.path("heroku").path("drain").path("token").asString())
                .isEqualTo(TOKEN);
    }

    @Test
    void aTokenMissingFromTheMapGivesTheUnknownApp() throws Exception {
        server = start(Map.of("DRAIN_TOKENS", "d.other=otherapp"), FAST);

        try (SyslogClient client = SyslogClient.tcp(server.tcpPort().getAsInt())) {
            client.write(SyslogClient.frame(SyslogClient.message(TOKEN, "web.1", "hello")));
            await().atMost(Duration.ofSeconds(5)).until(() -> publisher.stored().size() == 1);
        }

        JsonNode document = JSON.readTree(publisher.stored().getFirst().document());
        assertThat(document.path("heroku").path("app").asString()).isEqualTo("unknown");
    }

    @Test
    void aFrameCutShortByTheSenderBecomesADeadLetter() throws Exception {
        server = start(Map.of(), FAST);
        byte[] whole = SyslogClient.frame(SyslogClient.message(TOKEN, "web.1", "cut short"));

        try (SyslogClient client = SyslogClient.tcp(server.tcpPort().getAsInt())) {
            client.write(SyslogClient.frame(SyslogClient.message(TOKEN, "web.1", "whole")));
            client.write(Arrays.copyOf(whole, whole.length - 5));
            client.finish();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> publisher.storedDeadLetters().size() == 1);
        }

        assertThat(publisher.stored()).extracting(SyslogServerTest::text).containsExactly("whole");
        assertThat(publisher.storedDeadLetters().getFirst().reason()).startsWith("truncated frame");
    }

    @Test
    void anIdleConnectionIsClosedAfterTheTimeout() throws Exception {
        server = start(Map.of(), FAST.withIdleTimeout(Duration.ofMillis(300)));

        try (SyslogClient client = SyslogClient.tcp(server.tcpPort().getAsInt())) {
            assertThat(client.awaitClosedByServer(5_000)).isEqualTo(-1);
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> server.openConnections() == 0);
    }

    @Test
    void plainTextSentToTheTlsListenerClosesThatConnectionOnly() throws Exception {
        TestCertificates.Pem pem = TestCertificates.rsa();
        server = start(
                Map.of("SYSLOG_TLS_PORT", "0", "SYSLOG_TLS_CERT", pem.certificate(), "SYSLOG_TLS_KEY", pem.key()),
                FAST);
        int port = server.tlsPort().getAsInt();

        try (SyslogClient good = SyslogClient.tls(port, pem.trustingClient());
                SyslogClient plain = SyslogClient.tcp(port)) {
            plain.write(SyslogClient.frame(SyslogClient.message(TOKEN, "web.1", "not encrypted")));
            assertThat(plain.drainUntilClosed(5_000)).isTrue();
            good.write(SyslogClient.frame(SyslogClient.message(TOKEN, "web.1", "encrypted")));
            await().atMost(Duration.ofSeconds(5)).until(() -> publisher.stored().size() == 1);
        }

        assertThat(publisher.stored()).extracting(SyslogServerTest::text).containsExactly("encrypted");
    }

    @Test
    void closingEndsAnOpenTlsConnectionPromptly() throws Exception {
        TestCertificates.Pem pem = TestCertificates.rsa();
        server = start(
                Map.of("SYSLOG_TLS_PORT", "0", "SYSLOG_TLS_CERT", pem.certificate(), "SYSLOG_TLS_KEY", pem.key()),
                FAST);

        try (SyslogClient client = SyslogClient.tls(server.tlsPort().getAsInt(), pem.trustingClient())) {
            client.write(SyslogClient.frame(SyslogClient.message(TOKEN, "web.1", "stored before closing")));
            await().atMost(Duration.ofSeconds(5)).until(() -> publisher.stored().size() == 1);
            long started = System.nanoTime();

            server.close();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(server.openConnections()).isZero();
            assertThat(client.drainUntilClosed(2_000)).isTrue();
        }
    }

    @Test
    void badPemFailsAtStartNamingTheVariableAndBindsNothing() {
        Map<String, String> env = new HashMap<>(Map.of(
                "DRAIN_AUTH",
                "none",
                "SYSLOG_TCP_PORT",
                "0",
                "SYSLOG_TLS_PORT",
                "0",
                "SYSLOG_TLS_CERT",
                "garbage",
                "SYSLOG_TLS_KEY",
                TestCertificates.rsa().key()));
        server = new SyslogServer(DrainSettings.from(new Environment(env)), parser(), ingestor(), metrics(), FAST);

        assertThatThrownBy(server::start)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SYSLOG_TLS_CERT");
        assertThat(server.tcpPort()).isEmpty();
        assertThat(server.tlsPort()).isEmpty();
    }

    @Test
    void aTlsPortWithoutItsKeyFailsAtStartNamingTheVariables() {
        Map<String, String> env = Map.of(
                "DRAIN_AUTH",
                "none",
                "SYSLOG_TLS_PORT",
                "0",
                "SYSLOG_TLS_CERT",
                TestCertificates.rsa().certificate());
        server = new SyslogServer(DrainSettings.from(new Environment(env)), parser(), ingestor(), metrics(), FAST);

        assertThatThrownBy(server::start)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SYSLOG_TLS_CERT and SYSLOG_TLS_KEY (PEM) are not both set");
    }

    @Test
    void noPortsConfiguredMeansNoListeners() {
        server = new SyslogServer(
                DrainSettings.from(new Environment(Map.of("DRAIN_AUTH", "none"))),
                parser(),
                ingestor(),
                metrics(),
                FAST);

        server.start();

        assertThat(server.tcpPort()).isEmpty();
        assertThat(server.tlsPort()).isEmpty();
    }

    private SyslogServer start(Map<String, String> extra, SyslogLimits limits) {
        Map<String, String> env = new HashMap<>(Map.of("DRAIN_AUTH", "none", "SYSLOG_TCP_PORT", "0"));
        env.putAll(extra);
        SyslogServer started =
                new SyslogServer(DrainSettings.from(new Environment(env)), parser(), ingestor(), metrics(), limits);
        started.start();
        return started;
    }

    private static DrainBodyParser parser() {
        return new DrainBodyParser(ParserSettings.defaults());
    }

    private BatchIngestor ingestor() {
        return new BatchIngestor(publisher, metrics());
    }

    private static IngestMetrics metrics() {
        return new IngestMetrics(new PrometheusRegistry());
    }

    private static String text(ParsedEvent event) {
        return JSON.readTree(event.document()).path("message").asString();
    }
}

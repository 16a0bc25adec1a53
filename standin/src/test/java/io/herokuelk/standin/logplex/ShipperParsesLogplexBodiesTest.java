package io.herokuelk.standin.logplex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.parse.DrainContext;
import io.herokuelk.shipper.parse.ParsedBatch;
import io.herokuelk.shipper.parse.ParsedEvent;
import io.herokuelk.shipper.parse.ParserSettings;
import io.herokuelk.standin.LogLine;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the stand-in sends is what the shipper reads: every frame an event, the L10 loss recognised. */
class ShipperParsesLogplexBodiesTest {

    static final Instant T = Instant.parse("2026-11-26T10:00:00.123456Z");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T09:59:00Z"), ZoneOffset.UTC);

    private final DrainBodyParser parser = new DrainBodyParser(ParserSettings.defaults());
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyFrameBecomesAnEventAndL10IsCounted() throws Exception {
        List<LogLine> lines = List.of(
                LogLine.app(T, "web.1", "{\"message\":\"Ünïcödé ✓\",\"level\":\"INFO\"}"),
                LogLine.app(T.plusMillis(1), "worker.2", "plain text from a worker"),
                LogLine.heroku(
                        T.plusMillis(2),
                        "router",
                        "at=info method=GET path=\"/api/notes?limit=5\" "
                                + "host=localhost request_id=3f1c0e8e-3c1b-4a3a-9d51-0c1f2a3b4c5d fwd=\"127.0.0.1\" "
                                + "dyno=web.1 connect=0ms service=12ms status=200 bytes=532 protocol=http"),
                LogLine.heroku(T.plusMillis(3), "web.1", "Error R14 (Memory quota exceeded)"));
        try (DrainPeer peer = new DrainPeer()) {
            peer.answer(400); // the first batch is refused: its line is lost and reported
            LogplexSettings settings = LogplexSettings.defaults(peer.url("logplex:secret", "/logs/myapp"))
                    .withFlushInterval(Duration.ofMillis(50));
            DrainPeer.Received received;
            try (LogplexDrain drain = LogplexDrain.start(settings, CLOCK)) {
                drain.accept(LogLine.app(T, "web.1", "refused"));
                peer.next(Duration.ofSeconds(5));
                await().atMost(Duration.ofSeconds(5)).until(() -> drain.stats().batchesDropped() == 1);
                lines.forEach(drain::accept);
                received = peer.next(Duration.ofSeconds(5));
            }

            DrainContext context = new DrainContext(
                    "myapp",
                    received.header("Logplex-Drain-Token"),
                    received.header("Logplex-Frame-Id"),
                    Instant.now());
            ParsedBatch batch = parser.parseBody(received.body(), context);
            int count = Integer.parseInt(received.header("Logplex-Msg-Count"));
            assertThat(count).isEqualTo(1 + lines.size());
            assertThat(batch.garbage()).isEmpty();
            assertThat(batch.frames()).isEqualTo(count);
            assertThat(batch.events()).hasSize(count).allMatch(ParsedEvent::headerParsed);

            ParsedEvent l10 = batch.events().getFirst();
            assertThat(l10.logplexDropped()).isEqualTo(1);
            JsonNode loss = doc(l10);
            assertThat(loss.path("event").path("code").stringValue()).isEqualTo("L10");
            assertThat(loss.path("heroku").path("logplex").path("dropped").asLong())
                    .isEqualTo(1);
            assertThat(loss.path("heroku").path("logplex").path("dropped_since").stringValue())
                    .startsWith("2026-11-26T09:59:00");
            assertThat(loss.path("log").path("syslog").path("procid").stringValue())
                    .isEqualTo("logplex");

            for (int i = 0; i < lines.size(); i++) {
                LogLine line = lines.get(i);
                JsonNode d = doc(batch.events().get(i + 1));
                assertThat(d.path("log").path("syslog").path("appname").stringValue())
                        .isEqualTo(line.appName());
                assertThat(d.path("log").path("syslog").path("procid").stringValue())
                        .isEqualTo(line.procId());
                assertThat(d.path("heroku").path("dyno").stringValue()).isEqualTo(line.procId());
                assertThat(batch.events().get(i + 1).logplexDropped()).isZero();
            }
            assertThat(doc(batch.events().get(1)).path("message").stringValue()).isEqualTo("Ünïcödé ✓");
            assertThat(doc(batch.events().get(2)).path("message").stringValue()).isEqualTo("plain text from a worker");
            JsonNode router = doc(batch.events().get(3));
            assertThat(router.path("http").path("response").path("status_code").asInt())
                    .isEqualTo(200);
            assertThat(router.path("heroku").path("router").path("dyno").stringValue())
                    .isEqualTo("web.1");
            assertThat(router.path("url").path("original").stringValue()).isEqualTo("/api/notes?limit=5");
            assertThat(doc(batch.events().get(4)).path("error").path("code").stringValue())
                    .isEqualTo("R14");
            assertThat(doc(batch.events().get(1)).path("@timestamp").stringValue())
                    .isEqualTo("2026-11-26T10:00:00.123456Z");
        }
    }

    @Test
    void aLongLineSplitAt10000BytesComesOutAsOneEvent() throws Exception {
        // 13 bytes before the 'ü's put the 10,000-byte cut in the middle of one.
        String text = "{\"message\":\"x" + "ü".repeat(12_000) + "\",\"level\":\"WARN\"}";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (DrainPeer peer = new DrainPeer()) {
            LogplexSettings settings = LogplexSettings.defaults(peer.url("logplex:secret", "/logs/myapp"))
                    .withFlushInterval(Duration.ofSeconds(30));
            try (LogplexDrain drain = LogplexDrain.start(settings, CLOCK)) {
                for (int from = 0; from < bytes.length; from += 10_000) {
                    drain.accept(LogLine.app(
                            T, "web.1", Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + 10_000))));
                }
            }
            DrainPeer.Received received = peer.next(Duration.ofSeconds(5));

            ParsedBatch batch = parser.parseBody(
                    received.body(),
                    new DrainContext(
                            "myapp",
                            received.header("Logplex-Drain-Token"),
                            received.header("Logplex-Frame-Id"),
                            Instant.now()));
            assertThat(batch.frames()).isEqualTo(3);
            assertThat(batch.events()).hasSize(1);
            JsonNode d = doc(batch.events().getFirst());
            assertThat(d.path("message").stringValue()).isEqualTo("x" + "ü".repeat(12_000));
            assertThat(d.path("heroku").path("reassembled_parts").asInt()).isEqualTo(3);
        }
    }

    private JsonNode doc(ParsedEvent event) {
        return json.readTree(event.document());
    }
}

package io.herokuelk.shipper.parse;

import static io.herokuelk.shipper.parse.FramedBytes.ascii;
import static io.herokuelk.shipper.parse.FramedBytes.concat;
import static io.herokuelk.shipper.parse.FramedBytes.frame;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DrainBodyParserTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final String TOKEN = "d.11111111-2222-4333-8444-555555555555";
    static final String ROUTER = "<158>1 2026-11-26T10:00:01+00:00 host heroku router - at=info method=GET path=\"/\" "
            + "host=myapp.herokuapp.com request_id=abc fwd=\"203.0.113.7\" dyno=web.1 connect=0ms service=3ms "
            + "status=200 bytes=10 protocol=https\n";
    static final String APP = "<190>1 2026-11-26T10:00:00.123456+00:00 host app web.2 - hello\n";

    private final DrainBodyParser parser = new DrainBodyParser(ParserSettings.defaults());
    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode doc(ParsedEvent e) {
        return json.readTree(e.document());
    }

    @Test
    void aRetriedBatchWithTheSameFrameIdGetsTheSameIds() {
        byte[] body = concat(frame(ROUTER), frame(APP), frame(APP));
        DrainContext first = new DrainContext("myapp", TOKEN, "0A1B2C3D4E5F60718293A4B5C6D7E8F9", NOW);
        DrainContext retry = new DrainContext("myapp", TOKEN, "0A1B2C3D4E5F60718293A4B5C6D7E8F9", NOW.plusSeconds(5));
        List<String> ids = parser.parseBody(body, first).events().stream()
                .map(ParsedEvent::id)
                .toList();
        assertThat(parser.parseBody(body, retry).events())
                .extracting(ParsedEvent::id)
                .isEqualTo(ids);
        assertThat(ids)
                .containsExactly(
                        "0A1B2C3D4E5F60718293A4B5C6D7E8F9-0",
                        "0A1B2C3D4E5F60718293A4B5C6D7E8F9-1",
                        "0A1B2C3D4E5F60718293A4B5C6D7E8F9-2");
    }

    @Test
    void withoutFrameIdIdsHashTheDrainTheDynoAndTheMessage() {
        DrainContext shield = new DrainContext("myapp", null, null, NOW);
        ParsedEvent a = parser.parseMessage(ascii(APP), shield);
        ParsedEvent again = parser.parseMessage(ascii(APP), new DrainContext("myapp", null, null, NOW.plusSeconds(9)));
        ParsedEvent otherDyno = parser.parseMessage(ascii(APP.replace("web.2", "web.3")), shield);
        ParsedEvent otherDrain = parser.parseMessage(ascii(APP), new DrainContext("myapp", TOKEN, null, NOW));
        assertThat(a.id()).hasSize(22).matches("[A-Za-z0-9_-]+").isEqualTo(again.id());
        assertThat(a.id()).isNotEqualTo(otherDyno.id()).isNotEqualTo(otherDrain.id());
    }

    @Test
    void anOddFrameIdIsHashedIntoASafeId() {
        DrainContext odd = new DrainContext("myapp", TOKEN, "not/a safe id?" + "x".repeat(600), NOW);
        String id = parser.parseMessage(ascii(APP), odd).id();
        assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void eventsCarryDatasetAndAPartitionKeyPerDyno() {
        ParsedBatch batch =
                parser.parseBody(concat(frame(ROUTER), frame(APP)), new DrainContext("myapp", TOKEN, null, NOW));
        assertThat(batch.frames()).isEqualTo(2);
        assertThat(batch.events()).extracting(ParsedEvent::dataset).containsExactly("heroku.router", "heroku.app");
        assertThat(batch.events()).extracting(ParsedEvent::partitionKey).containsExactly("myapp/web.1", "myapp/web.2");
        assertThat(batch.events()).allMatch(ParsedEvent::headerParsed);
    }

    @Test
    void routerLinesWithoutAServingDynoAreKeyedByTheRouter() {
        String h10 = "<158>1 2026-11-26T10:00:02+00:00 host heroku router - at=error code=H10 desc=\"App crashed\" "
                + "method=GET path=\"/\" host=myapp.herokuapp.com dyno= connect= service= status=503 bytes=\n";
        assertThat(parser.parseMessage(ascii(h10), DrainContext.of("myapp", NOW))
                        .partitionKey())
                .isEqualTo("myapp/router");
    }

    @Test
    void l10LinesReportTheirLossCount() {
        String l10 = "<172>1 2026-11-26T10:02:00+00:00 host heroku logplex - Error L10 (output buffer overflow): "
                + "12 messages dropped since 2026-11-26T09:59:00+00:00.";
        ParsedBatch batch = parser.parseBody(concat(frame(l10), frame(APP)), DrainContext.of("myapp", NOW));
        assertThat(batch.events()).extracting(ParsedEvent::logplexDropped).containsExactly(12L, 0L);
    }

    @Test
    void theOriginalCanBeLeftOutButNotWhenTheHeaderWasUnreadable() {
        DrainBodyParser lean = new DrainBodyParser(ParserSettings.defaults().withIncludeOriginal(false));
        DrainContext context = new DrainContext("myapp", TOKEN, null, NOW);
        assertThat(doc(lean.parseMessage(ascii(APP), context)).path("event").has("original"))
                .isFalse();
        ParsedEvent bad = lean.parseMessage(ascii("not syslog at all\n"), context);
        assertThat(bad.headerParsed()).isFalse();
        JsonNode d = doc(bad);
        assertThat(d.path("event").path("original").stringValue()).isEqualTo("not syslog at all");
        assertThat(d.path("message").stringValue()).isEqualTo("not syslog at all");
        assertThat(d.path("@timestamp").stringValue()).isEqualTo("2026-11-26T12:00:00Z");
        assertThat(d.path("tags").get(0).stringValue()).isEqualTo("heroku_header_unparsed");
        assertThat(d.path("heroku").path("parse_error").stringValue()).isEqualTo("message does not start with <PRI>");
        assertThat(bad.partitionKey()).isEqualTo("myapp");
    }

    @Test
    void theSyslogDrainTokenComesFromTheHostnameWhenTheContextHasNone() {
        String line = "<190>1 2026-11-26T10:00:00Z d.1b2c3d4e-0000-4000-8000-000000000001 app web.2 - - hi\n";
        JsonNode d = doc(parser.parseMessage(ascii(line), DrainContext.of("myapp", NOW)));
        assertThat(d.path("heroku").path("drain").path("token").stringValue())
                .isEqualTo("d.1b2c3d4e-0000-4000-8000-000000000001");
        assertThat(d.path("message").stringValue()).isEqualTo("hi");
    }

    @Test
    void invalidUtf8StaysValidJson() {
        byte[] line = concat(
                ascii("<190>1 2026-11-26T10:00:00Z host app web.1 - bad "), new byte[] {(byte) 0xC3}, ascii(" byte\n"));
        JsonNode d = doc(parser.parseMessage(line, DrainContext.of("myapp", NOW)));
        assertThat(d.path("message").stringValue()).isEqualTo("bad \uFFFD byte");
    }

    @Test
    void joinsAnAppLineSplitAt10000BytesEvenInsideAUtf8Character() {
        String head = "<190>1 2026-11-26T10:05:03.000000+00:00 host app worker.1 - ";
        String prefix = "{\"message\":\"big\",\"payload\":\"";
        String payload = "x".repeat(10_000 - prefix.length() - 1) + "é" + "y".repeat(5000);
        byte[] text = (prefix + payload + "\"}").getBytes(StandardCharsets.UTF_8);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < text.length; i += 10_000) {
            byte[] piece = java.util.Arrays.copyOfRange(text, i, Math.min(text.length, i + 10_000));
            frames.add(frame(concat(ascii(head), piece)));
        }
        frames.add(frame(APP));
        ParsedBatch batch =
                parser.parseBody(concat(frames.toArray(byte[][]::new)), new DrainContext("myapp", TOKEN, "F1", NOW));
        assertThat(batch.frames()).isEqualTo(3);
        assertThat(batch.events()).hasSize(2);
        JsonNode joined = doc(batch.events().getFirst());
        assertThat(joined.path("payload").stringValue()).isEqualTo(payload);
        assertThat(joined.path("message").stringValue()).isEqualTo("big");
        assertThat(joined.path("heroku").path("reassembled_parts").asInt()).isEqualTo(2);
        assertThat(batch.events()).extracting(ParsedEvent::id).containsExactly("F1-0", "F1-2");
    }

    @Test
    void piecesOfDifferentDynosAreNotJoined() {
        String head1 = "<190>1 2026-11-26T10:05:03Z host app web.1 - ";
        String head2 = "<190>1 2026-11-26T10:05:03Z host app web.2 - ";
        String piece = "{\"message\":\"" + "x".repeat(10_000 - 12);
        ParsedBatch batch =
                parser.parseBody(concat(frame(head1 + piece), frame(head2 + "rest\"}")), DrainContext.of("myapp", NOW));
        assertThat(batch.events()).hasSize(2);
    }

    @Test
    void appJsonCannotOverwriteTheShippersOwnFields() {
        String line = "<190>1 2026-11-26T10:00:00Z host app web.1 - {\"message\":\"m\",\"event.id\":\"mine\","
                + "\"heroku\":{\"dyno\":\"fake\"},\"event\":{\"action\":\"a\"},\"log\":\"flat\","
                + "\"heroku.memory.quota_pct\":190.0}\n";
        ParsedEvent e = parser.parseMessage(ascii(line), new DrainContext("myapp", TOKEN, "F2", NOW));
        JsonNode d = doc(e);
        assertThat(d.path("event").path("id").stringValue()).isEqualTo("F2-0");
        assertThat(d.path("app_json.event.id").stringValue()).isEqualTo("mine");
        assertThat(d.path("heroku").path("dyno").stringValue()).isEqualTo("web.1");
        assertThat(d.path("app_json.heroku").path("dyno").stringValue())
                .as("heroku.* is the shipper's, whole")
                .isEqualTo("fake");
        assertThat(d.path("heroku").path("memory").isMissingNode())
                .as("an app cannot forge memory figures")
                .isTrue();
        assertThat(d.path("app_json.heroku.memory.quota_pct").doubleValue()).isEqualTo(190.0);
        assertThat(d.path("event.action").stringValue()).isEqualTo("a");
        assertThat(d.path("app_json.log").stringValue()).isEqualTo("flat");
    }

    @Test
    void aSyslogStreamMayBeNewlineDelimited() {
        SyslogStreamParser stream = parser.newStream();
        DrainContext context = DrainContext.of("myapp", NOW);
        byte[] input = ascii(
                "<190>1 2026-11-26T10:00:00Z d.x app web.1 - - one\n"
                        + "<190>1 2026-11-26T10:00:01Z d.x app web.1 - - two\r\n\n<190>1 2026-11-26T10:00:02Z d.x app web.1 - - th");
        List<ParsedEvent> events =
                new ArrayList<>(stream.feed(input, 0, input.length, context).events());
        assertThat(stream.newlineDelimited()).isTrue();
        assertThat(events).hasSize(2);
        byte[] rest = ascii("ree\n");
        events.addAll(stream.feed(rest, 0, rest.length, context).events());
        events.addAll(stream.finish(context).events());
        assertThat(events).extracting(e -> doc(e).path("message").stringValue()).containsExactly("one", "two", "three");
    }

    @Test
    void garbageInABodyComesBackBesideTheEvents() {
        ParsedBatch batch =
                parser.parseBody(concat(frame(APP), ascii("junk"), frame(ROUTER)), DrainContext.of("myapp", NOW));
        assertThat(batch.events()).hasSize(2);
        assertThat(batch.garbage()).singleElement().satisfies(g -> {
            assertThat(g.text()).isEqualTo("junk");
            assertThat(g.offset()).isEqualTo(frame(APP).length);
        });
    }

    @Test
    void fieldNamesAreWrittenAsNestedObjects() {
        JsonNode d = doc(parser.parseMessage(ascii(ROUTER), DrainContext.of("myapp", NOW)));
        assertThat(d.path("http").path("request").path("method").stringValue()).isEqualTo("GET");
        assertThat(d.path("log").path("syslog").path("facility").path("code").asInt())
                .isEqualTo(19);
        assertThat(d.path("event").path("duration").asLong()).isEqualTo(3_000_000L);
        assertThat(FieldNames.named("http.request.method")).isSameAs(FieldNames.HTTP_REQUEST_METHOD);
    }
}

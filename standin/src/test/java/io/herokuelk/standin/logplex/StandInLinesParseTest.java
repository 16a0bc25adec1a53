package io.herokuelk.standin.logplex;

import static io.herokuelk.standin.logplex.ShipperDocuments.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.herokuelk.standin.LogLine;
import io.herokuelk.standin.dyno.MemoryUsage;
import io.herokuelk.standin.manager.RuntimeMetricsLines;
import io.herokuelk.standin.router.RouteTarget;
import io.herokuelk.standin.router.Router;
import io.herokuelk.standin.router.RouterSettings;
import io.herokuelk.standin.router.RoutingTable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of line the stand-in writes, framed as its Logplex frames them and read by the shipper's parser, gives
 * the documented fields: what the dashboards and alerts rely on.
 */
class StandInLinesParseTest {

    static final Instant T = Instant.parse("2026-11-26T10:00:00.123456Z");
    static final String DYNO_ID = "heroku.123456789.0f0e0d0c-aaaa-bbbb-cccc-000000000001";

    private static LogLine platform(String text) {
        return LogLine.heroku(T, "web.1", text);
    }

    private static JsonNode parsed(LogLine line) {
        JsonNode doc = ShipperDocuments.document(line);
        assertThat(field(doc, "@timestamp").stringValue()).isEqualTo("2026-11-26T10:00:00.123456Z");
        assertThat(field(doc, "log.syslog.appname").stringValue()).isEqualTo(line.appName());
        assertThat(field(doc, "log.syslog.procid").stringValue()).isEqualTo(line.procId());
        assertThat(field(doc, "heroku.dyno").stringValue()).isEqualTo(line.procId());
        assertThat(field(doc, "message").stringValue()).isNotEmpty();
        return doc;
    }

    private static JsonNode platformDocument(String text) {
        JsonNode doc = parsed(platform(text));
        assertThat(field(doc, "heroku.source").stringValue()).isEqualTo("heroku");
        assertThat(field(doc, "heroku.dyno_type").stringValue()).isEqualTo("web");
        assertThat(field(doc, "message").stringValue()).isEqualTo(text);
        return doc;
    }

    private static double number(JsonNode doc, String dotted) {
        JsonNode node = field(doc, dotted);
        assertThat(node.isNumber()).as(dotted + " in " + doc).isTrue();
        return node.asDouble();
    }

    private static String text(JsonNode doc, String dotted) {
        return field(doc, dotted).stringValue();
    }

    @Test
    void memorySampleGivesEveryFigureAndTheShareOfTheQuota() {
        MemoryUsage usage = new MemoryUsage(600.5, 20.25, 3.0);

        JsonNode doc = platformDocument(RuntimeMetricsLines.memorySample("web.1", DYNO_ID, usage, 512));

        assertThat(text(doc, "event.dataset")).isEqualTo("heroku.runtime_metrics");
        assertThat(text(doc, "heroku.dyno_id")).isEqualTo(DYNO_ID);
        assertThat(number(doc, "heroku.memory.rss_mb")).isEqualTo(600.5);
        assertThat(number(doc, "heroku.memory.cache_mb")).isEqualTo(20.25);
        assertThat(number(doc, "heroku.memory.swap_mb")).isEqualTo(3.0);
        assertThat(number(doc, "heroku.memory.total_mb")).isEqualTo(623.75);
        assertThat(number(doc, "heroku.memory.quota_mb")).isEqualTo(512.0);
        assertThat(number(doc, "heroku.memory.quota_pct")).isCloseTo(117.87, within(0.001)); // (rss + swap) / quota
    }

    @Test
    void loadSampleGivesTheThreeAverages() {
        JsonNode doc =
                platformDocument(RuntimeMetricsLines.loadSample("web.1", DYNO_ID, new double[] {1.5, 0.75, 0.25}));

        assertThat(text(doc, "event.dataset")).isEqualTo("heroku.runtime_metrics");
        assertThat(text(doc, "heroku.dyno_id")).isEqualTo(DYNO_ID);
        assertThat(number(doc, "heroku.load.avg_1m")).isEqualTo(1.5);
        assertThat(number(doc, "heroku.load.avg_5m")).isEqualTo(0.75);
        assertThat(number(doc, "heroku.load.avg_15m")).isEqualTo(0.25);
    }

    @Test
    void processRunningGivesTheMemoryAndItsShareOfTheQuota() {
        // 600.5 + 3 MB of rss and swap against 512 MB; the cache is not counted.
        String line = RuntimeMetricsLines.processRunning(new MemoryUsage(600.5, 20.25, 3.0), 512);
        assertThat(line).isEqualTo("Process running mem=604M(117.9%)");

        JsonNode doc = platformDocument(line);

        assertThat(text(doc, "event.dataset")).isEqualTo("heroku.platform");
        assertThat(number(doc, "heroku.memory.process_mb")).isEqualTo(604.0);
        assertThat(number(doc, "heroku.memory.quota_pct")).isEqualTo(117.9);
    }

    @Test
    void r14AndR15AreErrorsWithTheirCodes() {
        JsonNode r14 = platformDocument(RuntimeMetricsLines.R14);
        JsonNode r15 = platformDocument(RuntimeMetricsLines.R15);

        assertThat(text(r14, "event.code")).isEqualTo("R14");
        assertThat(text(r14, "error.code")).isEqualTo("R14");
        assertThat(text(r14, "error.message")).isEqualTo("Memory quota exceeded");
        assertThat(text(r14, "log.level")).isEqualTo("error");
        assertThat(text(r15, "event.code")).isEqualTo("R15");
        assertThat(text(r15, "error.code")).isEqualTo("R15");
        assertThat(text(r15, "error.message")).isEqualTo("Memory quota vastly exceeded");
        assertThat(text(r15, "log.level")).isEqualTo("error");
    }

    // The dyno's own lines are private to Dyno; these are its texts, and FormationIT and DynoManagerIT parse the
    // lines real dynos wrote.

    @Test
    void bootAndExitTimeoutsAreErrorsWithTheirDetail() {
        JsonNode r10 = platformDocument(
                "Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 90 seconds of launch");
        JsonNode r12 = platformDocument(
                "Error R12 (Exit timeout) -> At least one process failed to exit within 30 seconds of SIGTERM");

        assertThat(text(r10, "error.code")).isEqualTo("R10");
        assertThat(text(r10, "event.code")).isEqualTo("R10");
        assertThat(text(r10, "heroku.error.detail"))
                .isEqualTo("Web process failed to bind to $PORT within 90 seconds of launch");
        assertThat(text(r12, "error.code")).isEqualTo("R12");
        assertThat(text(r12, "heroku.error.detail"))
                .isEqualTo("At least one process failed to exit within 30 seconds of SIGTERM");
    }

    @Test
    void stateChangesGiveFromAndTo() {
        for (String[] change : new String[][] {
            {"down", "starting"},
            {"starting", "up"},
            {"up", "crashed"},
            {"crashed", "starting"},
            {"up", "down"},
            {"starting", "crashed"}
        }) {
            JsonNode doc = platformDocument("State changed from " + change[0] + " to " + change[1]);

            assertThat(text(doc, "heroku.state.from")).isEqualTo(change[0]);
            assertThat(text(doc, "heroku.state.to")).isEqualTo(change[1]);
        }
    }

    @Test
    void exitsGiveTheStatusAndStopsTheSignal() {
        assertThat(number(platformDocument("Process exited with status 137"), "process.exit_code"))
                .isEqualTo(137);
        assertThat(number(platformDocument("Process exited with status 143"), "process.exit_code"))
                .isEqualTo(143);
        assertThat(number(platformDocument("Process exited with status 3"), "process.exit_code"))
                .isEqualTo(3);
        assertThat(text(platformDocument("Stopping process with SIGKILL"), "heroku.signal"))
                .isEqualTo("SIGKILL");
        assertThat(text(platformDocument("Stopping all processes with SIGTERM"), "heroku.signal"))
                .isEqualTo("SIGTERM");
    }

    @Test
    void startingProcessIsAPlatformLineThatKeepsTheCommand() {
        JsonNode doc = platformDocument("Starting process with command `java -Xmx96m -jar app/target/app.jar`");

        assertThat(text(doc, "event.dataset")).isEqualTo("heroku.platform");
        assertThat(field(doc, "error").isMissingNode()).isTrue();
    }

    @Test
    void theAppsJsonLineGivesItsOwnFields() {
        // A request event exactly as app.jar prints it (FormationIT parses the ones a running app prints).
        String json = "{\"@timestamp\":\"2026-11-26T10:00:00.100000000Z\",\"message\":\"GET /health answered 200"
                + " in 3.87 ms\",\"log.logger\":\"io.herokuelk.app.request\",\"process.thread.name\":\"http-0\","
                + "\"log.level\":\"INFO\",\"event.dataset\":\"app.request\",\"http.request.method\":\"GET\","
                + "\"url.path\":\"/health\",\"http.response.status_code\":200,\"event.duration\":3872455,"
                + "\"http.request.id\":\"12fed84d-c2ca-4434-ab70-799d8b46d680\",\"http.response.body.bytes\":339}";

        JsonNode doc = ShipperDocuments.document(LogLine.app(T, "web.1", json));

        assertThat(text(doc, "log.syslog.appname")).isEqualTo("app");
        assertThat(text(doc, "heroku.dyno")).isEqualTo("web.1");
        assertThat(text(doc, "heroku.source")).isEqualTo("app");
        assertThat(text(doc, "event.dataset")).isEqualTo("app.request");
        assertThat(text(doc, "message")).isEqualTo("GET /health answered 200 in 3.87 ms");
        assertThat(text(doc, "http.request.id")).isEqualTo("12fed84d-c2ca-4434-ab70-799d8b46d680");
        assertThat(number(doc, "http.response.status_code")).isEqualTo(200);
        assertThat(text(doc, "log.level")).isEqualTo("info");
    }

    @Test
    void theRoutersLinesGiveTheRequestAndTheDyno() throws Exception {
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        HttpServer backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        backend.createContext("/", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        RouteTarget web1 = new RouteTarget("web.1", backend.getAddress());
        List<Optional<RouteTarget>> table = new CopyOnWriteArrayList<>(List.of(Optional.of(web1), Optional.empty()));
        RoutingTable picks = () -> table.removeFirst(); // the first request finds web.1, the second no dyno at all
        try (Router router = Router.start(RouterSettings.defaults(), picks, lines::add);
                HttpClient client = HttpClient.newBuilder()
                        .proxy(HttpClient.Builder.NO_PROXY)
                        .build()) {
            URI base = URI.create("http://localhost:" + router.port());
            client.send(
                    HttpRequest.newBuilder(base.resolve("/api/notes?limit=5")).build(),
                    HttpResponse.BodyHandlers.discarding());
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.size() == 1);
            client.send(HttpRequest.newBuilder(base.resolve("/")).build(), HttpResponse.BodyHandlers.discarding());
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.size() == 2);
        } finally {
            backend.stop(0);
        }

        List<JsonNode> docs = ShipperDocuments.documents(lines);

        JsonNode ok = docs.get(0);
        assertThat(text(ok, "event.dataset")).isEqualTo("heroku.router");
        assertThat(text(ok, "log.syslog.procid")).isEqualTo("router");
        assertThat(number(ok, "log.syslog.priority")).isEqualTo(158);
        assertThat(text(ok, "heroku.dyno")).isEqualTo("router");
        assertThat(text(ok, "heroku.router.dyno")).isEqualTo("web.1");
        assertThat(number(ok, "heroku.router.connect_ms")).isGreaterThanOrEqualTo(0);
        assertThat(number(ok, "heroku.router.service_ms")).isGreaterThanOrEqualTo(0);
        assertThat(number(ok, "http.response.status_code")).isEqualTo(200);
        assertThat(number(ok, "http.response.bytes")).isEqualTo(2);
        assertThat(text(ok, "http.request.method")).isEqualTo("GET");
        assertThat(text(ok, "http.request.id")).matches("[0-9a-f-]{36}");
        assertThat(text(ok, "url.original")).isEqualTo("/api/notes?limit=5");
        assertThat(text(ok, "url.path")).isEqualTo("/api/notes");
        assertThat(text(ok, "url.query")).isEqualTo("limit=5");
        assertThat(text(ok, "network.protocol")).isEqualTo("http");
        assertThat(field(ok, "error").isMissingNode()).isTrue();

        JsonNode crashed = docs.get(1);
        assertThat(text(crashed, "event.dataset")).isEqualTo("heroku.router");
        assertThat(text(crashed, "error.code")).isEqualTo("H10");
        assertThat(text(crashed, "error.message")).isEqualTo("App crashed");
        assertThat(number(crashed, "http.response.status_code")).isEqualTo(503);
        assertThat(field(crashed, "heroku.router.dyno").isMissingNode()).isTrue();
    }

    @Test
    void linesOfEveryKindInOneBodyAreReadFrameByFrame() {
        List<LogLine> lines = List.of(
                platform("State changed from starting to up"),
                LogLine.app(T, "web.1", "{\"message\":\"ü ✓\",\"level\":\"INFO\"}"),
                platform(RuntimeMetricsLines.memorySample("web.1", DYNO_ID, new MemoryUsage(700, 1, 0), 512)),
                platform(RuntimeMetricsLines.processRunning(new MemoryUsage(700, 1, 0), 512)),
                platform(RuntimeMetricsLines.R14),
                LogLine.app(T, "web.1", "plain text"),
                platform("Process exited with status 137"));

        List<JsonNode> docs = ShipperDocuments.documents(lines);

        assertThat(docs)
                .extracting(doc -> text(doc, "message"))
                .containsExactly(
                        "State changed from starting to up",
                        "ü ✓",
                        lines.get(2).text(),
                        "Process running mem=700M(136.7%)",
                        "Error R14 (Memory quota exceeded)",
                        "plain text",
                        "Process exited with status 137");
        assertThat(docs).extracting(doc -> text(doc, "event.id")).doesNotHaveDuplicates();
    }
}

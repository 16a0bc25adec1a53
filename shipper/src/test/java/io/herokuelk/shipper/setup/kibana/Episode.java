package io.herokuelk.shipper.setup.kibana;

import io.herokuelk.shipper.alert.model.Alert;
import io.herokuelk.shipper.alert.model.AlertJson;
import io.herokuelk.shipper.index.DataStreams;
import io.herokuelk.shipper.parse.DrainBodyParser;
import io.herokuelk.shipper.parse.DrainContext;
import io.herokuelk.shipper.parse.ParsedEvent;
import io.herokuelk.shipper.parse.ParserSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Forty minutes of an app as Heroku drains it, parsed by the real parser: router lines to two dynos, runtime
 * metrics where web.1 grows past its 512 MB quota from minute 25 (R14 from minute 26, killed and restarted at
 * minute 30), app request events sharing the router's request ids, app memory samples and warnings, an L10 drop;
 * plus two alerts (fired, resolved) and a dead letter as the alerter and indexer write them.
 */
final class Episode {

    static final int MINUTES = 40;
    static final int R14_FROM = 26;
    static final int RESTART_AT = 30;

    final Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(MINUTES));
    private final List<String> lines = new ArrayList<>();

    Instant at(int minute, int second) {
        return start.plusSeconds(minute * 60L + second);
    }

    /** Bulk NDJSON creating every document in its data stream in the namespace. */
    String bulk(String namespace) {
        for (int m = 0; m < MINUTES; m++) {
            minute(m);
        }
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            body.append(line.getBytes(StandardCharsets.UTF_8).length)
                    .append(' ')
                    .append(line);
        }
        List<ParsedEvent> events = new DrainBodyParser(ParserSettings.defaults())
                .parseBody(body.toString().getBytes(StandardCharsets.UTF_8), DrainContext.of("myapp", Instant.now()))
                .events();
        StringBuilder bulk = new StringBuilder();
        for (ParsedEvent event : events) {
            create(bulk, DataStreams.name(event.dataset(), namespace), event.id(), event.json());
        }
        for (Alert alert : alerts()) {
            create(bulk, DataStreams.name(AlertJson.DATASET, namespace), alert.id(), AlertJson.toJson(alert));
        }
        ObjectNode dead = Exported.JSON.createObjectNode();
        dead.put("@timestamp", at(12, 0).toString());
        dead.putObject("error").put("type", "document_parsing_exception").put("message", "failed to parse field");
        dead.putObject("event")
                .put("id", "dead-1")
                .put("dataset", DataStreams.DEAD_LETTER_DATASET)
                .put("original", "{\"http\":\"not an object\"}");
        dead.putObject("data_stream").put("dataset", DataStreams.DEAD_LETTER_DATASET);
        dead.putObject("kafka")
                .put("topic", "heroku-elk-events")
                .put("partition", 0)
                .put("offset", 42);
        create(bulk, DataStreams.name(DataStreams.DEAD_LETTER_DATASET, namespace), "dead-1", dead.toString());
        return bulk.toString();
    }

    private static void create(StringBuilder bulk, String stream, String id, String json) {
        bulk.append("{\"create\":{\"_index\":\"")
                .append(stream)
                .append("\",\"_id\":\"")
                .append(id)
                .append("\"}}\n")
                .append(json)
                .append('\n');
    }

    private List<Alert> alerts() {
        Instant fired = at(R14_FROM, 30);
        Map<String, Object> figures = Map.of("r14_count", 3L, "percent_of_quota", 108.2);
        return List.of(
                new Alert(
                        "r14",
                        "r14",
                        "critical",
                        Alert.FIRING,
                        "myapp",
                        "web.1",
                        fired,
                        fired,
                        "web.1 exceeded its memory quota",
                        figures,
                        Alert.Context.EMPTY,
                        "Lower the heap",
                        io.herokuelk.shipper.alert.notify.SampleAlerts.DIAGNOSIS),
                new Alert(
                        "r14",
                        "r14",
                        "critical",
                        Alert.RESOLVED,
                        "myapp",
                        "web.1",
                        fired,
                        at(RESTART_AT + 5, 0),
                        "web.1 is back under its memory quota",
                        figures,
                        Alert.Context.EMPTY,
                        "Lower the heap",
                        null));
    }

    private void minute(int m) {
        boolean restarted = m >= RESTART_AT;
        double web1 = restarted ? 260 + (m - RESTART_AT) * 4 : 300 + m * 10; // crosses 512 MB at minute 22
        metrics(m, "web.1", web1, web1 > 512 ? (web1 - 512) / 4 : 0);
        metrics(m, "web.2", 250 + (m % 5), 0);
        heroku(
                m,
                20,
                "web.1",
                "source=web.1 dyno=heroku.1.d1 sample#load_avg_1m=0.42 sample#load_avg_5m=0.31"
                        + " sample#load_avg_15m=0.20");
        if (m >= R14_FROM && m < RESTART_AT) {
            heroku(
                    m,
                    31,
                    "web.1",
                    String.format(Locale.ROOT, "Process running mem=%.0fM(%.1f%%)", web1, web1 / 512 * 100));
            heroku(m, 32, "web.1", "Error R14 (Memory quota exceeded)");
        }
        if (m == RESTART_AT) {
            heroku(m, 1, "web.1", "Stopping process with SIGKILL");
            heroku(m, 2, "web.1", "Process exited with status 137");
            heroku(m, 3, "web.1", "State changed from up to crashed");
            heroku(m, 4, "web.1", "State changed from crashed to starting");
            heroku(m, 40, "web.1", "State changed from starting to up");
        }
        for (int r = 0; r < 6; r++) {
            String dyno = r % 2 == 0 ? "web.1" : "web.2";
            String path =
                    List.of("/api/orders", "/api/orders/42", "/report", "/").get(r % 4);
            int service = path.equals("/report") ? 900 + m * 20 : 20 + r * 7 + m;
            int status = r == 5 && m % 4 == 0 ? 404 : 200;
            String id = String.format(Locale.ROOT, "00000000-0000-4000-8000-%06d%06d", m, r);
            if (m >= R14_FROM && m < RESTART_AT && r == 2) {
                router(
                        m,
                        r * 9,
                        "at=error code=H12 desc=\"Request timeout\" method=GET path=\"" + path + "\"",
                        id,
                        dyno,
                        30000,
                        503);
                continue;
            }
            router(m, r * 9, "at=info method=GET path=\"" + path + "\"", id, dyno, service, status);
            app(
                    m,
                    r * 9 + 1,
                    dyno,
                    String.format(
                            Locale.ROOT,
                            "{\"@timestamp\":\"%s\",\"message\":\"GET %s %d\","
                                    + "\"logger_name\":\"io.herokuelk.app.web.RequestLog\",\"level\":\"INFO\",\"event.dataset\":"
                                    + "\"app.request\",\"http.request.method\":\"GET\",\"url.path\":\"%s\","
                                    + "\"http.response.status_code\":%d,\"event.duration\":%d,\"http.request.id\":\"%s\"}",
                            at(m, r * 9 + 1),
                            path,
                            status,
                            path,
                            status,
                            (service - 3) * 1_000_000L,
                            id));
        }
        app(
                m,
                50,
                "web.1",
                String.format(
                        Locale.ROOT,
                        "{\"@timestamp\":\"%s\",\"message\":\"memory sample\","
                                + "\"logger_name\":\"io.herokuelk.app.MemorySampler\",\"level\":\"INFO\",\"event.dataset\":"
                                + "\"app.memory\",\"app.memory.heap_used_mb\":%.1f,\"app.memory.rss_mb\":%.1f,"
                                + "\"app.memory.limit_mb\":512,\"app.memory.percent_of_limit\":%.1f}",
                        at(m, 50),
                        web1 * 0.6,
                        web1 * 0.95,
                        web1 * 0.95 / 512 * 100));
        if (m % 3 == 0) {
            app(
                    m,
                    55,
                    "web.2",
                    String.format(
                            Locale.ROOT,
                            "{\"@timestamp\":\"%s\",\"message\":\"order lookup slow\","
                                    + "\"logger_name\":\"io.herokuelk.app.Orders\",\"level\":\"%s\"}",
                            at(m, 55),
                            m % 6 == 0 ? "WARN" : "ERROR"));
        }
        if (m == 18) {
            syslog(
                    172,
                    m,
                    0,
                    "heroku",
                    "logplex",
                    "Error L10 (output buffer overflow): 12 messages dropped since " + at(17, 0) + ".");
        }
    }

    private void metrics(int m, String dyno, double rss, double swap) {
        heroku(
                m,
                10,
                dyno,
                String.format(
                        Locale.ROOT,
                        "source=%s dyno=heroku.1.%s sample#memory_total=%.2fMB"
                                + " sample#memory_rss=%.2fMB sample#memory_cache=12.00MB sample#memory_swap=%.2fMB"
                                + " sample#memory_pgpgin=1000pages sample#memory_pgpgout=900pages sample#memory_quota=512.00MB",
                        dyno,
                        dyno,
                        rss + swap + 12,
                        rss,
                        swap));
    }

    private void heroku(int m, int s, String dyno, String message) {
        syslog(45, m, s, "heroku", dyno, message);
    }

    private void router(int m, int s, String head, String id, String dyno, int service, int status) {
        syslog(
                158,
                m,
                s,
                "heroku",
                "router",
                head + " host=myapp.herokuapp.com request_id=" + id
                        + " fwd=\"203.0.113.7\" dyno=" + dyno + " connect=1ms service=" + service + "ms status="
                        + status
                        + " bytes=" + (status == 200 ? 1532 : 0) + " protocol=https");
    }

    private void app(int m, int s, String dyno, String json) {
        syslog(190, m, s, "app", dyno, json);
    }

    private void syslog(int priority, int m, int s, String app, String proc, String message) {
        lines.add("<" + priority + ">1 " + at(m, s) + " host " + app + " " + proc + " - " + message);
    }
}

package io.herokuelk.shipper.setup.kibana;

import static io.herokuelk.shipper.setup.kibana.Column.Op.AVERAGE;
import static io.herokuelk.shipper.setup.kibana.Column.Op.LAST_VALUE;
import static io.herokuelk.shipper.setup.kibana.Column.Op.MAX;
import static io.herokuelk.shipper.setup.kibana.Column.Op.MEDIAN;
import static io.herokuelk.shipper.setup.kibana.Column.Op.SUM;
import static io.herokuelk.shipper.setup.kibana.Column.count;
import static io.herokuelk.shipper.setup.kibana.Column.metric;
import static io.herokuelk.shipper.setup.kibana.Column.percentile;
import static io.herokuelk.shipper.setup.kibana.Column.terms;
import static io.herokuelk.shipper.setup.kibana.Column.time;
import static io.herokuelk.shipper.setup.kibana.Condition.all;
import static io.herokuelk.shipper.setup.kibana.Condition.any;
import static io.herokuelk.shipper.setup.kibana.Condition.exists;
import static io.herokuelk.shipper.setup.kibana.Condition.is;
import static io.herokuelk.shipper.setup.kibana.PanelBuilder.layer;

import io.herokuelk.shipper.parse.AppFields;
import java.util.List;
import java.util.Map;

/**
 * The definition of every Kibana object heroku-elk ships: data views, dashboards and alert rules. The NDJSON in
 * {@code kibana-dashboards/} is generated from it ({@link SavedObjects}) and is what {@code setup} imports.
 * Field names are those of the index templates in the elk module; the static checks hold them to it.
 */
public final class HerokuElkObjects {

    private HerokuElkObjects() {}

    public static final DataView HEROKU = new DataView(
            "heroku-elk-heroku",
            "Heroku (router, runtime metrics," + " platform, app lines)",
            "logs-heroku.*-*",
            Map.ofEntries(
                    Map.entry("heroku.memory.total_mb", Unit.MB),
                    Map.entry("heroku.memory.rss_mb", Unit.MB),
                    Map.entry("heroku.memory.swap_mb", Unit.MB),
                    Map.entry("heroku.memory.cache_mb", Unit.MB),
                    Map.entry("heroku.memory.quota_mb", Unit.MB),
                    Map.entry("heroku.memory.process_mb", Unit.MB),
                    Map.entry("heroku.memory.quota_pct", Unit.PERCENT),
                    Map.entry("heroku.router.service_ms", Unit.MS),
                    Map.entry("heroku.router.connect_ms", Unit.MS),
                    Map.entry("event.duration", Unit.NANOS),
                    Map.entry(AppFields.MEMORY_RSS_MB, Unit.MB),
                    Map.entry(AppFields.MEMORY_HEAP_USED_MB, Unit.MB),
                    Map.entry(AppFields.MEMORY_PERCENT_OF_LIMIT, Unit.PERCENT)));

    public static final DataView APP = new DataView(
            "heroku-elk-app",
            "App events (app.request, app.memory, ...)",
            "logs-app.*-*",
            Map.of(
                    AppFields.MEMORY_RSS_MB,
                    Unit.MB,
                    AppFields.MEMORY_HEAP_USED_MB,
                    Unit.MB,
                    AppFields.MEMORY_HEAP_MAX_MB,
                    Unit.MB,
                    AppFields.MEMORY_LIMIT_MB,
                    Unit.MB,
                    AppFields.MEMORY_PERCENT_OF_LIMIT,
                    Unit.PERCENT,
                    AppFields.MEMORY_GC_TIME_MS,
                    Unit.MS,
                    "event.duration",
                    Unit.NANOS));

    /** Router lines and app request events together, so a request id shows both sides. */
    public static final DataView REQUESTS = new DataView(
            "heroku-elk-requests",
            "Requests: router lines and app" + " request events",
            "logs-heroku.router-*,logs-app.request-*",
            Map.of(
                    "heroku.router.service_ms",
                    Unit.MS,
                    "heroku.router.connect_ms",
                    Unit.MS,
                    "event.duration",
                    Unit.NANOS));

    /** Every heroku-elk data stream, for volume per dataset. */
    public static final DataView ALL = new DataView(
            "heroku-elk-all",
            "All heroku-elk data streams",
            "logs-heroku.*-*,logs-app.*-*,logs-heroku_elk.*-*",
            Map.of());

    public static final DataView ALERTS = new DataView(
            "heroku-elk-alerts", "Alert history (heroku-elk alerter)", "logs-heroku_elk.alert-*", Map.of());

    public static final DataView DEAD_LETTERS = new DataView(
            "heroku-elk-dead-letters",
            "Dead letters (documents" + " Elasticsearch refused)",
            "logs-heroku_elk.dead_letter-*",
            Map.of());

    public static List<DataView> dataViews() {
        return List.of(HEROKU, APP, REQUESTS, ALL, ALERTS, DEAD_LETTERS);
    }

    private static final Condition RUNTIME_METRICS = is("event.dataset", "heroku.runtime_metrics");
    private static final Condition ROUTER = is("event.dataset", "heroku.router");
    private static final List<Column.Range> STATUS_CLASSES = List.of(
            new Column.Range(100, 200, "1xx"),
            new Column.Range(200, 300, "2xx"),
            new Column.Range(300, 400, "3xx"),
            new Column.Range(400, 500, "4xx"),
            new Column.Range(500, 600, "5xx"));

    public static List<Dashboard> dashboards() {
        return List.of(dynoMemory(), router(), appEvents(), pipelineHealth());
    }

    static Dashboard dynoMemory() {
        String id = "heroku-elk-dyno-memory";
        PanelBuilder panels = new PanelBuilder(id)
                .xy(
                        "Memory per dyno: RSS, swap and total against the quota (MB)",
                        "line",
                        RUNTIME_METRICS,
                        24,
                        14,
                        layer(
                                HEROKU,
                                time(),
                                terms("heroku.dyno", 5, "Dyno"),
                                metric(MAX, "heroku.memory.rss_mb", "RSS", Unit.MB),
                                metric(MAX, "heroku.memory.swap_mb", "Swap", Unit.MB),
                                metric(MAX, "heroku.memory.total_mb", "Total", Unit.MB),
                                metric(MAX, "heroku.memory.quota_mb", "Quota", Unit.MB)))
                .xy(
                        "Percent of memory quota per dyno (R14 above 100%)",
                        "line",
                        exists("heroku.memory.quota_pct"),
                        24,
                        14,
                        layer(
                                HEROKU,
                                time(),
                                terms("heroku.dyno", 10, "Dyno"),
                                metric(MAX, "heroku.memory.quota_pct", "Percent of quota", Unit.PERCENT)))
                .withReferenceLine(100, "Quota (100%)")
                .xy(
                        "R14 and R15 memory errors per dyno",
                        "bar_stacked",
                        is("error.code", "R14", "R15"),
                        24,
                        10,
                        layer(HEROKU, time(), terms("heroku.dyno", 10, "Dyno"), count("Memory errors")))
                .xy(
                        "Restarts: exits and state changes",
                        "bar_stacked",
                        any(exists("process.exit_code"), exists("heroku.state.to")),
                        24,
                        10,
                        layer(HEROKU, time(), terms("heroku.dyno", 10, "Dyno"), count("Exits and state changes")))
                .table(
                        "Latest values per dyno",
                        exists("heroku.memory.rss_mb"),
                        24,
                        12,
                        layer(
                                HEROKU,
                                terms("heroku.dyno", 20, "Dyno"),
                                metric(LAST_VALUE, "heroku.memory.rss_mb", "RSS", Unit.MB),
                                metric(LAST_VALUE, "heroku.memory.swap_mb", "Swap", Unit.MB),
                                metric(LAST_VALUE, "heroku.memory.quota_mb", "Quota", Unit.MB)
                                        .where(exists("heroku.memory.quota_mb")),
                                metric(MAX, "heroku.memory.quota_pct", "Highest percent of quota", Unit.PERCENT)))
                .xy(
                        "App-reported heap and RSS beside Heroku's RSS (MB)",
                        "line",
                        null,
                        24,
                        12,
                        layer(
                                APP,
                                time(),
                                metric(MAX, AppFields.MEMORY_HEAP_USED_MB, "App heap used", Unit.MB),
                                metric(MAX, AppFields.MEMORY_RSS_MB, "App RSS", Unit.MB)),
                        layer(HEROKU, time(), metric(MAX, "heroku.memory.rss_mb", "Heroku RSS", Unit.MB)))
                .table(
                        "Restarts per dyno",
                        any(exists("process.exit_code"), exists("heroku.state.to")),
                        48,
                        8,
                        layer(
                                HEROKU,
                                terms("heroku.dyno", 20, "Dyno"),
                                count("Process exited").where(exists("process.exit_code")),
                                count("Crashed").where(is("heroku.state.to", "crashed")),
                                metric(LAST_VALUE, "heroku.state.to", "Latest state", Unit.NONE)
                                        .where(exists("heroku.state.to"))));
        return new Dashboard(
                id,
                "heroku-elk: dyno memory and R14",
                "Is a dyno running out of memory, since when,"
                        + " and did Heroku restart it? Heroku's runtime metrics against the quota, R14/R15 on the same time"
                        + " axis, exits and state changes, and the app's own heap beside Heroku's RSS.",
                panels.panels());
    }

    static Dashboard router() {
        String id = "heroku-elk-router";
        PanelBuilder panels = new PanelBuilder(id)
                .metric("Requests", ROUTER, 12, 8, layer(HEROKU, count("Requests")))
                .metric(
                        "p95 service time",
                        ROUTER,
                        12,
                        8,
                        layer(HEROKU, percentile(95, "heroku.router.service_ms", "p95 service time", Unit.MS)))
                .metric("H errors", all(ROUTER, exists("error.code")), 12, 8, layer(HEROKU, count("H errors")))
                .metric(
                        "Distinct paths",
                        ROUTER,
                        12,
                        8,
                        layer(HEROKU, metric(Column.Op.UNIQUE_COUNT, "url.path", "Distinct paths", Unit.COUNT)))
                .xy(
                        "Requests by status class",
                        "bar_stacked",
                        ROUTER,
                        24,
                        12,
                        layer(
                                HEROKU,
                                time(),
                                Column.ranges("http.response.status_code", "Status", STATUS_CLASSES),
                                count("Requests")))
                .xy(
                        "Service time p50 / p95 / p99 (ms)",
                        "line",
                        ROUTER,
                        24,
                        12,
                        layer(
                                HEROKU,
                                time(),
                                percentile(50, "heroku.router.service_ms", "p50", Unit.MS),
                                percentile(95, "heroku.router.service_ms", "p95", Unit.MS),
                                percentile(99, "heroku.router.service_ms", "p99", Unit.MS)))
                .xy(
                        "H errors by code",
                        "bar_stacked",
                        all(ROUTER, exists("error.code")),
                        24,
                        12,
                        layer(HEROKU, time(), terms("error.code", 20, "H code"), count("Requests")))
                .xy(
                        "Load per dyno (requests routed)",
                        "bar_stacked",
                        ROUTER,
                        24,
                        12,
                        layer(HEROKU, time(), terms("heroku.router.dyno", 10, "Dyno"), count("Requests")))
                .table(
                        "Slowest paths",
                        ROUTER,
                        24,
                        12,
                        layer(
                                HEROKU,
                                terms("url.path", 10, "Path").orderedBy("#1"),
                                metric(MAX, "heroku.router.service_ms", "Slowest (ms)", Unit.MS),
                                percentile(95, "heroku.router.service_ms", "p95 (ms)", Unit.MS),
                                count("Requests")))
                .table(
                        "Busiest paths",
                        ROUTER,
                        24,
                        12,
                        layer(
                                HEROKU,
                                terms("url.path", 10, "Path"),
                                count("Requests"),
                                metric(MEDIAN, "heroku.router.service_ms", "Median (ms)", Unit.MS),
                                metric(SUM, "http.response.bytes", "Bytes sent", Unit.NONE)));
        return new Dashboard(
                id,
                "heroku-elk: router",
                "How much traffic, how fast, which errors, which paths and which" + " dynos: Heroku's router lines.",
                panels.panels());
    }

    static Dashboard appEvents() {
        String id = "heroku-elk-app-events";
        Condition appRequest = is("event.dataset", "app.request");
        PanelBuilder panels = new PanelBuilder(id)
                .table(
                        "Requests seen by the router and by the app, joined by request id",
                        exists("http.request.id"),
                        48,
                        14,
                        layer(
                                REQUESTS,
                                terms("http.request.id", 20, "Request id"),
                                metric(LAST_VALUE, "url.path", "Path", Unit.NONE),
                                metric(MAX, "heroku.router.service_ms", "Router service (ms)", Unit.MS),
                                metric(MAX, "event.duration", "App duration", Unit.NANOS)
                                        .where(appRequest),
                                metric(LAST_VALUE, "heroku.router.dyno", "Dyno", Unit.NONE)
                                        .where(is("event.dataset", "heroku.router")),
                                metric(Column.Op.UNIQUE_COUNT, "event.dataset", "Sides seen (2 = both)", Unit.COUNT),
                                // Ordered by lines per id: a metric only one index has (router service time)
                                // would pick the top ids on the router shard only and miss their app side.
                                count("Lines")))
                .xy(
                        "App requests by status class",
                        "bar_stacked",
                        appRequest,
                        24,
                        12,
                        layer(
                                APP,
                                time(),
                                Column.ranges("http.response.status_code", "Status", STATUS_CLASSES),
                                count("Requests")))
                .xy(
                        "App request duration (average, ms)",
                        "line",
                        appRequest,
                        24,
                        12,
                        layer(
                                APP,
                                time(),
                                terms("heroku.dyno", 5, "Dyno"),
                                metric(AVERAGE, "event.duration", "Average duration", Unit.NANOS)))
                .xy(
                        "App memory events: percent of its limit per dyno",
                        "line",
                        is("event.dataset", "app.memory"),
                        24,
                        12,
                        layer(
                                APP,
                                time(),
                                terms("heroku.dyno", 10, "Dyno"),
                                metric(MAX, AppFields.MEMORY_PERCENT_OF_LIMIT, "Percent of limit", Unit.PERCENT)))
                .withReferenceLine(100, "Limit (100%)")
                .xy(
                        "Warnings and errors logged by the app",
                        "bar_stacked",
                        all(is("heroku.source", "app"), is("log.level", "warn", "warning", "error")),
                        24,
                        12,
                        layer(ALL, time(), terms("log.level", 5, "Level"), count("Lines")))
                .table(
                        "Loggers with the most warnings and errors",
                        all(is("heroku.source", "app"), is("log.level", "warn", "warning", "error")),
                        48,
                        10,
                        layer(ALL, terms("log.logger", 10, "Logger"), terms("log.level", 3, "Level"), count("Lines")));
        return new Dashboard(
                id,
                "heroku-elk: app events",
                "What the app says about itself: its request events next to"
                        + " the router's view of the same request, its own memory samples, and what it warns about.",
                panels.panels());
    }

    static Dashboard pipelineHealth() {
        String id = "heroku-elk-pipeline";
        Condition l10 = is("event.code", "L10");
        PanelBuilder panels = new PanelBuilder(id)
                .metric("Dead letters", null, 12, 8, layer(DEAD_LETTERS, count("Dead letters")))
                .metric(
                        "Lines dropped by Logplex (L10)",
                        l10,
                        12,
                        8,
                        layer(HEROKU, metric(SUM, "heroku.logplex.dropped", "Dropped lines", Unit.COUNT)))
                .metric(
                        "Alerts fired",
                        is("heroku_elk.alert.state", "firing"),
                        12,
                        8,
                        layer(ALERTS, count("Alerts fired")))
                .metric(
                        "Alerts resolved",
                        is("heroku_elk.alert.state", "resolved"),
                        12,
                        8,
                        layer(ALERTS, count("Alerts resolved")))
                .xy(
                        "Events per dataset",
                        "bar_stacked",
                        null,
                        48,
                        12,
                        layer(ALL, time(), terms("event.dataset", 20, "Dataset"), count("Events")))
                .xy(
                        "Dead letters by error type",
                        "bar_stacked",
                        null,
                        24,
                        12,
                        layer(DEAD_LETTERS, time(), terms("error.type", 10, "Error type"), count("Dead letters")))
                .xy(
                        "Lines dropped by Logplex (L10)",
                        "bar_stacked",
                        l10,
                        24,
                        12,
                        layer(HEROKU, time(), metric(SUM, "heroku.logplex.dropped", "Dropped lines", Unit.COUNT)))
                .xy(
                        "Alerts fired and resolved",
                        "bar_stacked",
                        null,
                        24,
                        12,
                        layer(ALERTS, time(), terms("heroku_elk.alert.state", 3, "State"), count("Alerts")))
                .table(
                        "Alerts by rule",
                        null,
                        24,
                        12,
                        layer(
                                ALERTS,
                                terms("rule.name", 20, "Rule"),
                                count("Fired").where(is("heroku_elk.alert.state", "firing")),
                                count("Resolved").where(is("heroku_elk.alert.state", "resolved")),
                                metric(LAST_VALUE, "heroku_elk.alert.state", "Latest state", Unit.NONE)))
                .table(
                        "Memory alerts by diagnosed cause",
                        is("heroku_elk.alert.state", "firing"),
                        24,
                        12,
                        layer(ALERTS, terms("heroku_elk.diagnosis.cause", 6, "Diagnosed cause"), count("Alerts")));
        return new Dashboard(
                id,
                "heroku-elk: pipeline health",
                "Is the pipeline keeping up and losing nothing? Events"
                        + " per dataset, documents Elasticsearch refused, lines Logplex dropped before they reached us, what the"
                        + " alerter fired and resolved, and the causes its memory diagnoses named.",
                panels.panels());
    }

    /** The server-log connector: the one that a basic licence allows; it writes to Kibana's own log. */
    public static final String SERVER_LOG_CONNECTOR_ID = "6a1e7c43-0b5e-4c1d-9a52-2f4d6c1e8b01";

    public static final String SERVER_LOG_CONNECTOR_NAME = "heroku-elk: Kibana server log";

    public static List<ThresholdRule> rules() {
        return List.of(
                new ThresholdRule(
                        "0f4b9b5e-7d3c-4c55-8e61-3a0d9f2b7c11",
                        "heroku-elk: R14 memory quota exceeded",
                        "logs-heroku.*-*",
                        "count",
                        null,
                        "heroku.dyno",
                        20,
                        is("error.code", "R14"),
                        5,
                        ">",
                        0,
                        "{{context.group}} logged {{context.value}} R14 (memory quota exceeded) in the last 5"
                                + " minutes"),
                new ThresholdRule(
                        "5c2d8e7a-1f6b-4a39-b0d4-7e9c1a2b3d22",
                        "heroku-elk: dyno memory above 90% of quota",
                        "logs-heroku.*-*",
                        "max",
                        "heroku.memory.quota_pct",
                        "heroku.dyno",
                        20,
                        exists("heroku.memory.quota_pct"),
                        5,
                        ">",
                        90,
                        "{{context.group}} used {{context.value}}% of its memory quota in the last 5 minutes"));
    }
}

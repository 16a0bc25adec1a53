package io.herokuelk.shipper.alert;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import tools.jackson.databind.JsonNode;

/**
 * Reads an {@link Observation} from an event document. Fields may be nested ({@code {"heroku":{"dyno":..}}}, as the
 * parser writes Heroku lines) or dotted keys ({@code "app.memory.rss_mb"}, as app JSON lines keep them).
 */
public final class Observations {

    private Observations() {
    }

    public static Observation from(JsonNode document) {
        String dataset = text(document, "event.dataset");
        String dyno = "heroku.router".equals(dataset) ? text(document, "heroku.router.dyno") : text(document, "heroku.dyno");
        return new Observation(
                timestamp(text(document, "@timestamp")),
                text(document, "heroku.app"),
                dyno == null || dyno.isEmpty() ? null : dyno,
                dataset,
                text(document, "event.code"),
                text(document, "heroku.dyno_id"),
                number(document, "heroku.memory.quota_pct"),
                number(document, "heroku.memory.rss_mb"),
                number(document, "heroku.memory.swap_mb"),
                number(document, "heroku.memory.total_mb"),
                number(document, "heroku.memory.quota_mb"),
                number(document, "heroku.memory.process_mb"),
                number(document, "app.memory.percent_of_limit"),
                number(document, "app.memory.rss_mb"),
                number(document, "app.memory.heap_used_mb"),
                number(document, "app.memory.limit_mb"),
                integer(document, "http.response.status_code"),
                number(document, "heroku.router.service_ms"),
                text(document, "url.path"),
                longValue(document, "heroku.logplex.dropped"),
                text(document, "heroku.state.to"),
                integer(document, "process.exit_code"),
                text(document, "message"),
                durationMs(document),
                number(document, "heroku.memory.cache_mb"),
                text(document, "event.action"),
                process(document));
    }

    /** The app process of an app event that names its pid; null for any other event. */
    private static Observation.AppProcess process(JsonNode document) {
        Long pid = longValue(document, "process.pid");
        if (pid == null || !String.valueOf(text(document, "event.dataset")).startsWith("app.")) {
            return null;
        }
        Double heapMax = number(document, "app.memory.heap_max_mb");
        return new Observation.AppProcess(pid, integer(document, "app.worker.index"),
                integer(document, "app.worker.concurrency"), number(document, "app.memory.heap_committed_mb"),
                heapMax != null ? heapMax : number(document, "app.jvm.heap_max_mb"),
                number(document, "app.memory.nonheap_used_mb"), integer(document, "app.memory.threads"));
    }

    /** A field by its dotted name, whether nested, kept as a dotted key, or a mix of both. */
    public static JsonNode field(JsonNode node, String dotted) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode direct = node.get(dotted);
        if (direct != null) {
            return direct;
        }
        for (int dot = dotted.indexOf('.'); dot > 0; dot = dotted.indexOf('.', dot + 1)) {
            JsonNode found = field(node.get(dotted.substring(0, dot)), dotted.substring(dot + 1));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String text(JsonNode document, String name) {
        JsonNode value = field(document, name);
        return value == null || value.isNull() || value.isContainer() ? null : value.asString();
    }

    private static Double number(JsonNode document, String name) {
        JsonNode value = field(document, name);
        return value != null && value.isNumber() ? value.asDouble() : null;
    }

    private static Integer integer(JsonNode document, String name) {
        JsonNode value = field(document, name);
        return value != null && value.isNumber() ? value.asInt() : null;
    }

    private static Long longValue(JsonNode document, String name) {
        JsonNode value = field(document, name);
        return value != null && value.isNumber() ? value.asLong() : null;
    }

    /** ECS {@code event.duration} is in nanoseconds. */
    private static Double durationMs(JsonNode document) {
        Double nanos = number(document, "event.duration");
        return nanos == null ? null : nanos / 1_000_000.0;
    }

    private static Instant timestamp(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

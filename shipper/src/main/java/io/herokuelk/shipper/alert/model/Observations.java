package io.herokuelk.shipper.alert.model;

import io.herokuelk.shipper.parse.AppFields;
import io.herokuelk.shipper.parse.FieldNames;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/**
 * Reads an {@link Observation} from an event document. Fields may be nested ({@code {"heroku":{"dyno":..}}}, as the
 * parser writes Heroku lines) or dotted keys ({@code AppFields.MEMORY_RSS_MB}, as app JSON lines keep them).
 */
public final class Observations {

    private Observations() {}

    public static Observation from(JsonNode document) {
        String dataset = text(document, FieldNames.EVENT_DATASET.name());
        // A router line's dyno is the one that served the request, not the router itself.
        String dyno = text(
                document,
                "heroku.router".equals(dataset) ? FieldNames.ROUTER_DYNO.name() : FieldNames.HEROKU_DYNO.name());
        return new Observation(
                timestamp(text(document, FieldNames.TIMESTAMP.name())),
                text(document, FieldNames.HEROKU_APP.name()),
                dyno == null || dyno.isEmpty() ? null : dyno,
                dataset,
                text(document, FieldNames.EVENT_CODE.name()),
                text(document, FieldNames.HEROKU_DYNO_ID.name()),
                number(document, FieldNames.MEMORY_QUOTA_PCT.name()),
                number(document, FieldNames.MEMORY_RSS_MB.name()),
                number(document, FieldNames.MEMORY_SWAP_MB.name()),
                number(document, FieldNames.MEMORY_TOTAL_MB.name()),
                number(document, FieldNames.MEMORY_QUOTA_MB.name()),
                number(document, FieldNames.MEMORY_PROCESS_MB.name()),
                number(document, AppFields.MEMORY_PERCENT_OF_LIMIT),
                number(document, AppFields.MEMORY_RSS_MB),
                number(document, AppFields.MEMORY_HEAP_USED_MB),
                number(document, AppFields.MEMORY_LIMIT_MB),
                integer(document, FieldNames.HTTP_RESPONSE_STATUS_CODE.name()),
                number(document, FieldNames.ROUTER_SERVICE_MS.name()),
                text(document, FieldNames.URL_PATH.name()),
                longValue(document, FieldNames.LOGPLEX_DROPPED.name()),
                text(document, FieldNames.STATE_TO.name()),
                integer(document, FieldNames.PROCESS_EXIT_CODE.name()),
                text(document, FieldNames.MESSAGE.name()),
                durationMs(document),
                number(document, FieldNames.MEMORY_CACHE_MB.name()),
                text(document, AppFields.EVENT_ACTION),
                process(document));
    }

    /** The app process of an app event that names its pid; null for any other event. */
    private static Observation.AppProcess process(JsonNode document) {
        Long pid = longValue(document, FieldNames.PROCESS_PID.name());
        if (pid == null
                || !String.valueOf(text(document, FieldNames.EVENT_DATASET.name()))
                        .startsWith("app.")) {
            return null;
        }
        Double heapMax = number(document, AppFields.MEMORY_HEAP_MAX_MB);
        return new Observation.AppProcess(
                pid,
                integer(document, AppFields.WORKER_INDEX),
                integer(document, AppFields.WORKER_CONCURRENCY),
                number(document, AppFields.MEMORY_HEAP_COMMITTED_MB),
                heapMax != null ? heapMax : number(document, AppFields.JVM_HEAP_MAX_MB),
                number(document, AppFields.MEMORY_NONHEAP_USED_MB),
                integer(document, AppFields.MEMORY_THREADS));
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
        Double nanos = number(document, FieldNames.EVENT_DURATION.name());
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

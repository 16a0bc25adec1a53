package io.herokuelk.shipper.parse;

import static io.herokuelk.shipper.parse.FieldNames.*;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * App lines that are JSON objects, as logstash-logback-encoder writes them, merged into the document.
 *
 * <ul>
 *   <li>The encoder's own names become ECS fields: {@code message}, {@code @timestamp} (rewritten in UTC),
 *       {@code level} to {@code log.level} (lower case), {@code logger_name} to {@code log.logger},
 *       {@code thread_name} to {@code process.thread.name}, {@code stack_trace} to {@code error.stack_trace}.</li>
 *   <li>A key that names a contract field ({@code event.dataset}, {@code http.request.method}, {@code log.level})
 *       sets that field, so {@code "event.dataset":"app.request"} replaces {@code heroku.app}, when
 *       {@link AppDatasets} allows that dataset (else it stays {@code heroku.app}, the value asked for in
 *       {@code heroku.requested_dataset}).</li>
 *   <li>Every other key is kept with its name and value as they came ({@code http.route}, {@code app.memory.heap_mb},
 *       {@code level_value}). An object under a name the document also uses ({@code "event":{...}}) is merged key by
 *       key instead, so the document never holds the same key twice.</li>
 *   <li>Fields the shipper owns ({@code event.id}, {@code heroku.*}, {@code log.syslog.*}, {@code service.name},
 *       {@code event.original}, {@code data_stream.*}, {@code ecs.version}) are not overwritten: such a key, or a value where the document has an object, is
 *       kept under {@code app_json.<key>}.</li>
 * </ul>
 * A line that is not a JSON object stays a plain app line.
 */
final class AppJsonContributor implements LineContributor {

    static final String DATASET = "heroku.app";
    static final String CONFLICT_PREFIX = "app_json.";

    private static final Map<String, Field> ENCODER_NAMES = Map.of(
            "message", MESSAGE,
            "@timestamp", TIMESTAMP,
            "level", LOG_LEVEL,
            "logger_name", LOG_LOGGER,
            "thread_name", PROCESS_THREAD_NAME,
            "stack_trace", ERROR_STACK_TRACE);

    private static final Set<Field> OWNED = Set.of(EVENT_ID, EVENT_ORIGINAL, SERVICE_NAME);
    /**
     * Objects the shipper owns whole: Heroku's figures (an app must not forge the memory samples or router fields
     * the alerter reads), the syslog header, the data stream and ECS version.
     */
    private static final java.util.List<String> OWNED_OBJECTS =
            java.util.List.of("heroku", "log.syslog", "data_stream", "ecs");
    /** Longest {@code heroku.requested_dataset} kept: enough to see what an app asked for. */
    private static final int MAX_REQUESTED = 256;

    private final ObjectMapper mapper;
    private final AppDatasets datasets;

    AppJsonContributor(ObjectMapper mapper, AppDatasets datasets) {
        this.mapper = mapper;
        this.datasets = datasets;
    }

    @Override
    public boolean contribute(Line line, Document doc) {
        if (!looksLikeObject(line)) {
            return false;
        }
        JsonNode root;
        try {
            root = mapper.readTree(line.raw, line.textFrom, line.textLength());
        } catch (JacksonException e) {
            return false;
        }
        if (root == null || !root.isObject()) {
            return false;
        }
        doc.put(EVENT_DATASET, DATASET);
        // Without a "message" key, the message stays the whole line.
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            merge(doc, e.getKey(), e.getValue());
        }
        return true;
    }

    /** A cheap check before handing the text to the JSON parser: first and last non-blank bytes are braces. */
    static boolean looksLikeObject(Line line) {
        int from = line.textFrom;
        int to = line.rawTo;
        byte[] a = line.raw;
        while (from < to && (a[from] == ' ' || a[from] == '\t')) {
            from++;
        }
        while (to > from && (a[to - 1] == ' ' || a[to - 1] == '\t' || a[to - 1] == '\r')) {
            to--;
        }
        return to - from >= 2 && a[from] == '{' && a[to - 1] == '}';
    }

    private void merge(Document doc, String key, JsonNode value) {
        if (owned(key)) {
            doc.putExtra(CONFLICT_PREFIX + key, value);
            return;
        }
        Field field = ENCODER_NAMES.get(key);
        if (field == null) {
            field = FieldNames.named(key);
        }
        if (field != null) {
            if (field == EVENT_DATASET) {
                dataset(doc, value);
            } else if (OWNED.contains(field)) {
                doc.putExtra(CONFLICT_PREFIX + key, value);
            } else {
                set(doc, field, value);
            }
            return;
        }
        if (FieldNames.isObjectPath(key)) {
            if (value.isObject()) {
                for (Map.Entry<String, JsonNode> e : value.properties()) {
                    merge(doc, key + "." + e.getKey(), e.getValue());
                }
            } else {
                doc.putExtra(CONFLICT_PREFIX + key, value);
            }
            return;
        }
        doc.putExtra(key, value);
    }

    private static boolean owned(String key) {
        for (String object : OWNED_OBJECTS) {
            if (key.startsWith(object) && (key.length() == object.length() || key.charAt(object.length()) == '.')) {
                return true;
            }
        }
        return false;
    }

    /** The app's dataset when {@link AppDatasets} allows it; else {@code heroku.app}, with what it asked for. */
    private void dataset(Document doc, JsonNode value) {
        if (value.isString() && datasets.allows(value.stringValue())) {
            doc.put(EVENT_DATASET, value.stringValue());
            return;
        }
        String asked = value.isString() ? value.stringValue() : value.toString();
        doc.put(EVENT_DATASET, DATASET);
        doc.put(REQUESTED_DATASET, asked.length() > MAX_REQUESTED ? asked.substring(0, MAX_REQUESTED) : asked);
        doc.addTag(AppDatasets.TAG_REFUSED);
    }

    private static void set(Document doc, Field field, JsonNode value) {
        if (field == TIMESTAMP) {
            String utc = value.isString() ? Timestamps.toUtc(value.stringValue()) : null;
            if (utc != null) {
                doc.put(TIMESTAMP, utc);
            } else {
                doc.putExtra(CONFLICT_PREFIX + "@timestamp", value);
                doc.addTag("app_json_timestamp_unparsed");
            }
        } else if (field == LOG_LEVEL && value.isString()) {
            doc.put(LOG_LEVEL, value.stringValue().toLowerCase(Locale.ROOT));
        } else if (field == TAGS && value.isArray()) {
            for (JsonNode tag : value) {
                doc.addTag(tag.isString() ? tag.stringValue() : tag.toString());
            }
        } else if (field == TAGS && value.isString()) {
            doc.addTag(value.stringValue());
        } else if (value.isString()) {
            doc.put(field, value.stringValue());
        } else if (value.isIntegralNumber() && value.canConvertToLong()) {
            doc.put(field, value.longValue());
        } else if (value.isNumber()) {
            doc.put(field, value.doubleValue());
        } else if (value.isBoolean()) {
            doc.put(field, value.booleanValue());
        } else if (!value.isNull()) {
            doc.put(field, value);
        }
    }
}

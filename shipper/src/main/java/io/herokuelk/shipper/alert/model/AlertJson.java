package io.herokuelk.shipper.alert.model;

import io.herokuelk.shipper.parse.FieldNames;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An {@link Alert} as JSON and back. The same document is the Kafka record value, the body of the generic webhook and
 * the document indexed into the alert data stream, so it uses ECS names in nested objects:
 *
 * <pre>
 * &#64;timestamp                  at
 * message                     summary
 * event.dataset               heroku_elk.alert
 * event.kind                  alert
 * data_stream.type, .dataset  logs, heroku_elk.alert (the indexer adds data_stream.namespace)
 * ecs.version                 the ECS version of the event documents
 * event.id                    alert.id()
 * event.severity              syslog numbering: critical 2, warning 4, anything else 6 (informational)
 * log.level                   severity (warning, critical)
 * rule.name                   rule
 * rule.category               type
 * heroku.app, heroku.dyno     app, dyno (absent for app-wide rules)
 * heroku_elk.alert.state       firing | resolved
 * heroku_elk.alert.key         alert.key()
 * heroku_elk.alert.episode_id  alert.episodeId()
 * heroku_elk.alert.started_at  startedAt
 * heroku_elk.alert.figures     object, name to value
 * heroku_elk.alert.context     memory[] {at, source, used_mb, quota_mb?, percent?},
 *                             busiest[] and slowest[] {path, requests, p95_service_ms, max_service_ms}
 * heroku_elk.alert.remediation remediation
 * heroku_elk.diagnosis         cause, confidence, summary, action, signals[], figures {}, others[] (memory alerts)
 * </pre>
 *
 * <p>Figures come back with whole numbers as Long and decimals as Double (what the rules put there, along with
 * strings and booleans), so such an alert round-trips to an equal one. Thread-safe.
 */
public final class AlertJson {

    public static final String DATASET = "heroku_elk.alert";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private AlertJson() {}

    /** Syslog severity numbers, the scale ECS suggests for {@code event.severity}. */
    public static int severityNumber(String severity) {
        return switch (severity == null ? "" : severity) {
            case "critical" -> 2;
            case "warning" -> 4;
            default -> 6;
        };
    }

    public static byte[] toBytes(Alert alert) {
        return MAPPER.writeValueAsBytes(toTree(alert));
    }

    public static String toJson(Alert alert) {
        return MAPPER.writeValueAsString(toTree(alert));
    }

    public static ObjectNode toTree(Alert alert) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("@timestamp", alert.at().toString());
        ObjectNode event = doc.putObject("event");
        event.put("dataset", DATASET);
        event.put("kind", "alert");
        ObjectNode dataStream = doc.putObject("data_stream");
        dataStream.put("type", "logs");
        dataStream.put("dataset", DATASET);
        doc.putObject("ecs").put("version", FieldNames.ECS_VERSION_VALUE);
        event.put("id", alert.id());
        event.put("severity", severityNumber(alert.severity()));
        doc.putObject("log").put("level", alert.severity());
        ObjectNode rule = doc.putObject("rule");
        rule.put("name", alert.rule());
        rule.put("category", alert.type());
        ObjectNode heroku = doc.putObject("heroku");
        heroku.put("app", alert.app());
        if (alert.dyno() != null) {
            heroku.put("dyno", alert.dyno());
        }
        ObjectNode ours = doc.putObject("heroku_elk");
        ObjectNode own = ours.putObject("alert");
        own.put("state", alert.state());
        own.put("key", alert.key());
        own.put("episode_id", alert.episodeId());
        own.put("started_at", alert.startedAt().toString());
        own.set("figures", figures(alert));
        if (alert.context() != null) {
            own.set("context", context(alert.context()));
        }
        if (alert.remediation() != null) {
            own.put("remediation", alert.remediation());
        }
        if (alert.diagnosis() != null) {
            ours.set("diagnosis", diagnosis(alert.diagnosis()));
        }
        doc.put("message", alert.summary());
        return doc;
    }

    /** The diagnosis as a JSON object (also PagerDuty's custom details). */
    public static ObjectNode diagnosis(Diagnosis diagnosis) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("cause", diagnosis.cause());
        node.put("confidence", diagnosis.confidence());
        node.put("summary", diagnosis.summary());
        node.put("action", diagnosis.action());
        diagnosis.signals().forEach(node.putArray("signals")::add);
        node.set("figures", MAPPER.valueToTree(diagnosis.figures()));
        diagnosis.others().forEach(node.putArray("others")::add);
        return node;
    }

    /** The figures as a JSON object (also PagerDuty's custom details). */
    public static ObjectNode figures(Alert alert) {
        return alert.figures() == null ? MAPPER.createObjectNode() : MAPPER.valueToTree(alert.figures());
    }

    /** The context as a JSON object (also PagerDuty's custom details). */
    public static ObjectNode context(Alert.Context context) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode memory = node.putArray("memory");
        for (Alert.MemorySample sample : context.memory()) {
            ObjectNode m = memory.addObject();
            m.put("at", sample.at().toString());
            m.put("source", sample.source());
            m.put("used_mb", sample.usedMb());
            if (sample.quotaMb() != null) {
                m.put("quota_mb", sample.quotaMb());
            }
            if (sample.percent() != null) {
                m.put("percent", sample.percent());
            }
        }
        paths(node.putArray("busiest"), context.busiest());
        paths(node.putArray("slowest"), context.slowest());
        return node;
    }

    private static void paths(ArrayNode array, List<Alert.PathStat> stats) {
        for (Alert.PathStat stat : stats) {
            ObjectNode p = array.addObject();
            p.put("path", stat.path());
            p.put("requests", stat.requests());
            p.put("p95_service_ms", stat.p95ServiceMs());
            p.put("max_service_ms", stat.maxServiceMs());
        }
    }

    public static Alert fromBytes(byte[] json) {
        return fromJson(new String(json, StandardCharsets.UTF_8));
    }

    /** Reads a document written by {@link #toTree}; fails naming the first missing or malformed field. */
    public static Alert fromJson(String json) {
        JsonNode doc;
        try {
            doc = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Alert document is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode own = doc.path("heroku_elk").path("alert");
        JsonNode diagnosis = doc.path("heroku_elk").path("diagnosis");
        JsonNode figures = own.path("figures");
        JsonNode context = own.path("context");
        return new Alert(
                text(doc, "rule", "name"),
                text(doc, "rule", "category"),
                text(doc, "log", "level"),
                text(doc, "heroku_elk", "alert", "state"),
                text(doc, "heroku", "app"),
                optionalText(doc.path("heroku").path("dyno")),
                instant(text(doc, "heroku_elk", "alert", "started_at"), "heroku_elk.alert.started_at"),
                instant(text(doc, "@timestamp"), "@timestamp"),
                optionalText(doc.path("message")),
                figures.isObject() ? readFigures(figures) : Map.of(),
                context.isObject() ? readContext(context) : null,
                optionalText(own.path("remediation")),
                diagnosis.isObject() ? readDiagnosis(diagnosis) : null);
    }

    private static Diagnosis readDiagnosis(JsonNode d) {
        return new Diagnosis(
                text(d, "cause"),
                text(d, "confidence"),
                optionalText(d.path("summary")),
                optionalText(d.path("action")),
                list(d.path("signals"), JsonNode::stringValue),
                d.path("figures").isObject() ? readFigures(d.path("figures")) : Map.of(),
                list(d.path("others"), JsonNode::stringValue));
    }

    private static Map<String, Object> readFigures(JsonNode figures) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> figure : figures.properties()) {
            values.put(figure.getKey(), value(figure.getValue()));
        }
        return Collections.unmodifiableMap(values);
    }

    /** Whole numbers as Long (Jackson alone would make small ones Integer, and the alert would no longer equal). */
    private static Object value(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isFloatingPointNumber()) {
            return node.doubleValue();
        }
        if (node.isObject()) {
            return readFigures(node);
        }
        if (node.isArray()) {
            return node.values().stream().map(AlertJson::value).toList();
        }
        return MAPPER.treeToValue(node, Object.class);
    }

    private static Alert.Context readContext(JsonNode context) {
        List<Alert.MemorySample> memory = list(
                context.path("memory"),
                m -> new Alert.MemorySample(
                        instant(text(m, "at"), "heroku_elk.alert.context.memory.at"),
                        optionalText(m.path("source")),
                        m.path("used_mb").asDouble(),
                        optionalDouble(m.path("quota_mb")),
                        optionalDouble(m.path("percent"))));
        return new Alert.Context(
                memory,
                list(context.path("busiest"), AlertJson::pathStat),
                list(context.path("slowest"), AlertJson::pathStat));
    }

    private static Alert.PathStat pathStat(JsonNode p) {
        return new Alert.PathStat(
                optionalText(p.path("path")),
                p.path("requests").asLong(),
                p.path("p95_service_ms").asDouble(),
                p.path("max_service_ms").asDouble());
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> read) {
        List<T> items = new ArrayList<>();
        for (JsonNode item : array.values()) {
            items.add(read.apply(item));
        }
        return List.copyOf(items);
    }

    private static String text(JsonNode doc, String... path) {
        JsonNode node = doc;
        for (String name : path) {
            node = node.path(name);
        }
        if (!node.isString()) {
            throw new IllegalArgumentException("Alert document lacks the text field " + String.join(".", path));
        }
        return node.stringValue();
    }

    private static String optionalText(JsonNode node) {
        return node.isString() ? node.stringValue() : null;
    }

    private static Double optionalDouble(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }

    private static Instant instant(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Alert document field " + field + " is not an ISO-8601 instant", e);
        }
    }
}

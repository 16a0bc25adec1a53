package io.herokuelk.standin.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An alert notification as the shipper's webhook destination sends it (the alert document, ECS names), reduced to
 * what the demo prints.
 */
record ReceivedAlert(
        Instant receivedAt,
        String rule,
        String type,
        String state,
        String severity,
        String app,
        String dyno,
        String summary,
        Map<String, String> figures,
        List<String> memory,
        List<String> busiest,
        String remediation,
        ReceivedDiagnosis diagnosis) {

    boolean firing() {
        return "firing".equals(state);
    }

    static ReceivedAlert from(JsonNode doc, Instant receivedAt) {
        JsonNode alert = doc.path("heroku_elk").path("alert");
        Map<String, String> figures = new LinkedHashMap<>();
        alert.path("figures")
                .properties()
                .forEach(entry -> figures.put(entry.getKey(), entry.getValue().asString()));
        List<String> memory = new ArrayList<>();
        for (JsonNode sample : alert.path("context").path("memory")) {
            memory.add(String.format(
                    java.util.Locale.ROOT,
                    "%s %s %.0f MB%s",
                    sample.path("at").asString(""),
                    sample.path("source").asString(""),
                    sample.path("used_mb").asDouble(),
                    sample.has("percent")
                            ? String.format(
                                    java.util.Locale.ROOT,
                                    " (%.0f%%)",
                                    sample.path("percent").asDouble())
                            : ""));
        }
        List<String> busiest = new ArrayList<>();
        for (JsonNode path : alert.path("context").path("busiest")) {
            busiest.add(
                    path.path("path").asString("") + " " + path.path("requests").asLong() + " requests, p95 "
                            + path.path("p95_service_ms").asLong() + " ms");
        }
        return new ReceivedAlert(
                receivedAt,
                doc.path("rule").path("name").asString(""),
                doc.path("rule").path("category").asString(""),
                alert.path("state").asString(""),
                doc.path("log").path("level").asString(""),
                doc.path("heroku").path("app").asString(""),
                doc.path("heroku").path("dyno").asString(""),
                doc.path("message").asString(""),
                figures,
                memory,
                busiest,
                alert.path("remediation").asString(""),
                ReceivedDiagnosis.from(doc.path("heroku_elk").path("diagnosis")));
    }
}

package io.herokuelk.standin.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A diagnosis as the shipper writes it ({@code heroku_elk.diagnosis} of an alert document, or {@code shipper.jar
 * diagnose --json}), reduced to what the demo prints.
 */
record ReceivedDiagnosis(
        String cause,
        String confidence,
        String summary,
        List<String> signals,
        List<String> others,
        Map<String, Double> figures) {

    /** Null when the node holds no diagnosis. */
    static ReceivedDiagnosis from(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("cause").isString()) {
            return null;
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        node.path("figures").properties().forEach(entry -> {
            if (entry.getValue().isNumber()) {
                figures.put(entry.getKey(), entry.getValue().asDouble());
            }
        });
        return new ReceivedDiagnosis(
                node.path("cause").asString(),
                node.path("confidence").asString(""),
                node.path("summary").asString(""),
                strings(node.path("signals")),
                strings(node.path("others")),
                figures);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString("")));
        return List.copyOf(values);
    }

    /** {@code too_many_processes (high)}. */
    String headline() {
        return cause + " (" + confidence + ")";
    }
}

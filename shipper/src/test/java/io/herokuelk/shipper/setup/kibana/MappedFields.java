package io.herokuelk.shipper.setup.kibana;

import io.herokuelk.elk.assets.ElasticsearchAssets;
import io.herokuelk.elk.assets.ElasticsearchAssets.Asset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What the index templates of the elk module map, per data stream: the data stream is found by the templates' own
 * {@code index_patterns}, its fields by composing the component templates it lists.
 */
final class MappedFields {

    /** A data stream of every dataset heroku-elk writes, in the default namespace. */
    static final List<String> STREAMS = List.of(
            "logs-heroku.router-default",
            "logs-heroku.runtime_metrics-default",
            "logs-heroku.platform-default",
            "logs-heroku.app-default",
            "logs-app.request-default",
            "logs-app.memory-default",
            "logs-app.lifecycle-default",
            "logs-heroku_elk.alert-default",
            "logs-heroku_elk.dead_letter-default");

    static final Set<String> NUMERIC = Set.of(
            "long", "integer", "short", "byte", "double", "float", "half_float", "scaled_float", "unsigned_long");

    private MappedFields() {}

    static boolean globMatches(String glob, String name) {
        return Pattern.matches(Pattern.quote(glob).replace("*", "\\E.*\\Q"), name);
    }

    /** Whether a data view's title (comma-separated patterns) covers the stream. */
    static boolean viewMatches(String title, String stream) {
        for (String pattern : title.split(",")) {
            if (globMatches(pattern.trim(), stream)) {
                return true;
            }
        }
        return false;
    }

    /** Field to type for the stream, from the index template whose patterns match it; empty when none does. */
    static Map<String, String> fieldsOf(String stream) {
        Map<String, String> fields = new HashMap<>();
        for (Asset template : ElasticsearchAssets.indexTemplates()) {
            JsonNode body = Exported.JSON.readTree(template.bytes());
            boolean matches = false;
            for (JsonNode pattern : body.get("index_patterns")) {
                matches |= globMatches(pattern.asString(), stream);
            }
            if (!matches) {
                continue;
            }
            for (JsonNode component : body.get("composed_of")) {
                ElasticsearchAssets.componentTemplates().stream()
                        .filter(a -> a.name().equals(component.asString()))
                        .findFirst()
                        .ifPresent(a -> collect(
                                Exported.JSON.readTree(a.bytes()).at("/template/mappings/properties"), "", fields));
            }
        }
        return fields;
    }

    private static void collect(JsonNode properties, String prefix, Map<String, String> out) {
        if (properties == null || properties.isMissingNode()) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : properties.properties()) {
            JsonNode mapping = entry.getValue();
            collect(mapping.get("properties"), prefix + entry.getKey() + ".", out);
            if (mapping.has("type")) {
                out.put(prefix + entry.getKey(), mapping.get("type").asString());
            }
            collect(mapping.get("fields"), prefix + entry.getKey() + ".", out);
        }
    }
}

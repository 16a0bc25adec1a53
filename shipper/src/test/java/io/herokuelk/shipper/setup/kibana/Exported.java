package io.herokuelk.shipper.setup.kibana;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed NDJSON read back as plain JSON, without the generator's model: the checks judge what Kibana gets.
 */
final class Exported {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The committed file, from the shipper module's directory (where Maven runs tests) or the repository root. */
    static Path committedFile() {
        Path fromModule = Path.of("..", SavedObjects.COMMITTED_FILE);
        return Files.exists(fromModule.getParent()) ? fromModule : Path.of(SavedObjects.COMMITTED_FILE);
    }

    static List<JsonNode> objects() throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : Files.readAllLines(committedFile())) {
            if (!line.isBlank()) {
                objects.add(JSON.readTree(line));
            }
        }
        return objects;
    }

    static Map<String, JsonNode> dataViews() throws IOException {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (JsonNode object : objects()) {
            if (object.get("type").asString().equals("index-pattern")) {
                views.put(object.get("id").asString(), object);
            }
        }
        return views;
    }

    /** One Lens layer of one panel, with what it needs to be checked or run. */
    record LensLayer(
            String dashboardId,
            String panelIndex,
            String panelTitle,
            String visualizationType,
            String layerId,
            String dataViewId,
            String pattern,
            String query,
            List<String> columnOrder,
            JsonNode columns,
            JsonNode visualization,
            JsonNode fieldFormats) {

        JsonNode column(String id) {
            return columns.get(id);
        }

        /**
         * How Kibana formats a column's values: its own Lens format, else (for operations that keep the field's
         * meaning, not counts) the data view's format of its field; missing when neither says.
         */
        JsonNode format(String id) {
            JsonNode column = column(id);
            JsonNode own = column.at("/params/format");
            String operation = column.path("operationType").asString("");
            if (!own.isMissingNode() || operation.equals("count") || operation.equals("unique_count")) {
                return own;
            }
            return fieldFormats.path(column.path("sourceField").asString(""));
        }

        boolean referenceLine() {
            return columnOrder.stream()
                    .allMatch(id -> column(id).path("isStaticValue").asBoolean(false));
        }
    }

    static List<LensLayer> lensLayers() throws IOException {
        Map<String, JsonNode> views = dataViews();
        List<LensLayer> layers = new ArrayList<>();
        for (JsonNode object : objects()) {
            if (!object.get("type").asString().equals("dashboard")) {
                continue;
            }
            JsonNode panels = JSON.readTree(object.at("/attributes/panelsJSON").asString());
            for (JsonNode panel : panels) {
                JsonNode attributes = panel.at("/embeddableConfig/attributes");
                JsonNode state = attributes.get("state");
                for (Map.Entry<String, JsonNode> layer :
                        state.at("/datasourceStates/formBased/layers").properties()) {
                    String viewId = null;
                    for (JsonNode reference : attributes.get("references")) {
                        if (reference
                                .get("name")
                                .asString()
                                .equals("indexpattern-datasource-layer-" + layer.getKey())) {
                            viewId = reference.get("id").asString();
                        }
                    }
                    List<String> order = new ArrayList<>();
                    layer.getValue().get("columnOrder").forEach(id -> order.add(id.asString()));
                    JsonNode view = viewId == null ? null : views.get(viewId);
                    JsonNode formats = view == null
                            ? JSON.createObjectNode()
                            : JSON.readTree(
                                    view.at("/attributes/fieldFormatMap").asString("{}"));
                    layers.add(new LensLayer(
                            object.get("id").asString(),
                            panel.get("panelIndex").asString(),
                            panel.get("title").asString(),
                            attributes.get("visualizationType").asString(),
                            layer.getKey(),
                            viewId,
                            view == null ? null : view.at("/attributes/title").asString(),
                            state.at("/query/query").asString(),
                            order,
                            layer.getValue().get("columns"),
                            state.get("visualization"),
                            formats));
                }
            }
        }
        return layers;
    }
}

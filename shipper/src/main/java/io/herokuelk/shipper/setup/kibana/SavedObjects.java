package io.herokuelk.shipper.setup.kibana;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the saved objects (data views, then dashboards with their Lens panels by value) as Kibana's export
 * NDJSON. The migration versions are the oldest that 8.9 knows for each type, so one file imports into 8.9+ and 9.x.
 */
public final class SavedObjects {

    public static final String CORE_MIGRATION_VERSION = "8.8.0";
    public static final Map<String, String> TYPE_MIGRATION_VERSIONS =
            Map.of("index-pattern", "8.0.0", "dashboard", "8.9.0", "lens", "8.9.0");
    /** Where the committed copy lives, relative to the repository root. */
    public static final String COMMITTED_FILE = "kibana-dashboards/heroku-elk.ndjson";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SavedObjects() {}

    /** The NDJSON that setup imports: one object per line, each line ending with a newline. */
    public static String ndjson() {
        StringBuilder out = new StringBuilder();
        for (ObjectNode object : objects()) {
            out.append(JSON.writeValueAsString(object)).append('\n');
        }
        return out.toString();
    }

    public static List<ObjectNode> objects() {
        List<ObjectNode> objects = new ArrayList<>();
        HerokuElkObjects.dataViews().forEach(view -> objects.add(dataView(view)));
        HerokuElkObjects.dashboards().forEach(dashboard -> objects.add(dashboard(dashboard)));
        return objects;
    }

    private static ObjectNode envelope(String type, String id, ObjectNode attributes, ArrayNode references) {
        ObjectNode object = JSON.createObjectNode();
        object.put("type", type);
        object.put("id", id);
        object.set("attributes", attributes);
        object.set("references", references);
        object.put("managed", false);
        object.put("coreMigrationVersion", CORE_MIGRATION_VERSION);
        object.put("typeMigrationVersion", TYPE_MIGRATION_VERSIONS.get(type));
        return object;
    }

    static ObjectNode dataView(DataView view) {
        ObjectNode attributes = JSON.createObjectNode();
        attributes.put("title", view.pattern());
        attributes.put("name", view.name());
        attributes.put("timeFieldName", "@timestamp");
        // Empty: Kibana reads the fields from the mappings when the view is opened.
        attributes.put("fields", "[]");
        ObjectNode formats = JSON.createObjectNode();
        ObjectNode fieldAttrs = JSON.createObjectNode();
        for (Map.Entry<String, Unit> entry : new TreeMap<>(view.units()).entrySet()) {
            formats.set(entry.getKey(), fieldFormat(entry.getValue()));
            fieldAttrs.putObject(entry.getKey()).put("customLabel", customLabel(entry.getKey(), entry.getValue()));
        }
        attributes.put("fieldFormatMap", JSON.writeValueAsString(formats));
        attributes.put("fieldAttrs", JSON.writeValueAsString(fieldAttrs));
        attributes.put("runtimeFieldMap", "{}");
        attributes.put("sourceFilters", "[]");
        attributes.put("typeMeta", "{}");
        attributes.put("allowNoIndex", true);
        return envelope("index-pattern", view.id(), attributes, JSON.createArrayNode());
    }

    /**
     * Data view field formats: Kibana's number format has no unit suffix, so MB and percent get one decimal and carry
     * the unit in the field's custom label; durations use the duration format from their input unit.
     */
    static ObjectNode fieldFormat(Unit unit) {
        ObjectNode format = JSON.createObjectNode();
        switch (unit) {
            case MB, PERCENT -> format.put("id", "number").putObject("params").put("pattern", "0,0.0");
            case MS ->
                format.put("id", "duration")
                        .putObject("params")
                        .put("inputFormat", "milliseconds")
                        .put("outputFormat", "humanizePrecise")
                        .put("outputPrecision", 1)
                        .put("showSuffix", true)
                        .put("useShortSuffix", true);
            case NANOS ->
                format.put("id", "duration")
                        .putObject("params")
                        .put("inputFormat", "nanoseconds")
                        .put("outputFormat", "asMilliseconds")
                        .put("outputPrecision", 1)
                        .put("showSuffix", true)
                        .put("useShortSuffix", true);
            case COUNT, NONE -> format.put("id", "number").putObject("params").put("pattern", "0,0");
        }
        return format;
    }

    private static String customLabel(String field, Unit unit) {
        String name = field.substring(field.lastIndexOf('.') + 1)
                .replaceAll("_(mb|ms|pct)$", "")
                .replace('_', ' ');
        return field.substring(0, field.lastIndexOf('.') + 1)
                + name
                + switch (unit) {
                    case MB -> " (MB)";
                    case PERCENT -> " (% of quota)".replace("quota", field.contains("limit") ? "limit" : "quota");
                    case MS -> " (ms)";
                    case NANOS -> " (duration)";
                    default -> "";
                };
    }

    static ObjectNode dashboard(Dashboard dashboard) {
        ObjectNode attributes = JSON.createObjectNode();
        attributes.put("title", dashboard.title());
        attributes.put("description", dashboard.description());
        ArrayNode panels = JSON.createArrayNode();
        ArrayNode references = JSON.createArrayNode();
        for (Panel panel : dashboard.panels()) {
            String panelIndex = panel.layers().getFirst().id().replaceAll("-l\\d+$", "");
            ObjectNode node = panels.addObject();
            node.put("type", "lens");
            node.putObject("gridData")
                    .put("x", panel.x())
                    .put("y", panel.y())
                    .put("w", panel.w())
                    .put("h", panel.h())
                    .put("i", panelIndex);
            node.put("panelIndex", panelIndex);
            node.put("title", panel.title());
            ObjectNode embeddable = node.putObject("embeddableConfig");
            embeddable.set("attributes", LensState.attributes(panel));
            embeddable.putObject("enhancements");
            for (Layer layer : panel.layers()) {
                references
                        .addObject()
                        .put("type", "index-pattern")
                        .put("id", layer.dataView().id())
                        .put("name", panelIndex + ":" + LensState.layerReferenceName(layer));
            }
        }
        attributes.put("panelsJSON", JSON.writeValueAsString(panels));
        attributes.put(
                "optionsJSON",
                "{\"useMargins\":true,\"syncColors\":false,\"syncCursor\":true,"
                        + "\"syncTooltips\":false,\"hidePanelTitles\":false}");
        attributes.put("timeRestore", true);
        attributes.put("timeFrom", "now-24h");
        attributes.put("timeTo", "now");
        attributes.putObject("refreshInterval").put("pause", false).put("value", 60_000);
        attributes
                .putObject("kibanaSavedObjectMeta")
                .put("searchSourceJSON", "{\"query\":{\"query\":\"\",\"language\":\"kuery\"},\"filter\":[]}");
        return envelope("dashboard", dashboard.id(), attributes, references);
    }
}

package io.herokuelk.shipper.setup.kibana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every object in the committed NDJSON, checked as Kibana would need it but does not itself check on import. */
class SavedObjectsStaticTest {

    private static final Set<String> DASHBOARD_ATTRIBUTES = Set.of(
            "title",
            "description",
            "panelsJSON",
            "optionsJSON",
            "kibanaSavedObjectMeta",
            "timeRestore",
            "timeFrom",
            "timeTo",
            "refreshInterval",
            "controlGroupInput",
            "version");
    private static final Set<String> NUMERIC_OPS = Set.of("max", "min", "average", "sum", "median", "percentile");

    @Test
    void everyObjectHasTheEnvelopeAndTheMigrationVersionsThatImportInto89And9() throws Exception {
        List<JsonNode> objects = Exported.objects();
        assertEquals(6 + 4, objects.size(), "six data views and four dashboards");
        Set<String> seen = new HashSet<>();
        for (JsonNode object : objects) {
            String type = object.get("type").asString();
            String key = type + ":" + object.get("id").asString();
            assertTrue(seen.add(key), "duplicate " + key);
            assertTrue(object.get("attributes").isObject(), key);
            assertTrue(object.get("references").isArray(), key);
            assertEquals("8.8.0", object.get("coreMigrationVersion").asString(), key);
            assertEquals(
                    type.equals("index-pattern") ? "8.0.0" : "8.9.0",
                    object.get("typeMigrationVersion").asString(),
                    key);
        }
    }

    @Test
    void jsonStringAttributesAreStringsHoldingJson() throws Exception {
        for (JsonNode object : Exported.objects()) {
            List<String> paths = object.get("type").asString().equals("dashboard")
                    ? List.of(
                            "/attributes/panelsJSON",
                            "/attributes/optionsJSON",
                            "/attributes/kibanaSavedObjectMeta/searchSourceJSON")
                    : List.of(
                            "/attributes/fields",
                            "/attributes/fieldFormatMap",
                            "/attributes/fieldAttrs",
                            "/attributes/runtimeFieldMap",
                            "/attributes/sourceFilters",
                            "/attributes/typeMeta");
            for (String path : paths) {
                JsonNode value = object.at(path);
                assertTrue(value.isString(), object.get("id") + path + " must be a JSON string");
                assertTrue(Exported.JSON.readTree(value.asString()).isContainer(), object.get("id") + path);
            }
            if (object.get("type").asString().equals("dashboard")) {
                object.get("attributes")
                        .propertyNames()
                        .forEach(name -> assertTrue(
                                DASHBOARD_ATTRIBUTES.contains(name), "9.x rejects dashboard attribute " + name));
            } else {
                assertEquals(
                        "@timestamp", object.at("/attributes/timeFieldName").asString());
            }
        }
    }

    @Test
    void dataViewsFormatMegabytesPercentAndMilliseconds() throws Exception {
        JsonNode heroku = Exported.dataViews().get("heroku-elk-heroku");
        JsonNode formats =
                Exported.JSON.readTree(heroku.at("/attributes/fieldFormatMap").asString());
        JsonNode labels =
                Exported.JSON.readTree(heroku.at("/attributes/fieldAttrs").asString());
        assertEquals("0,0.0", formats.at("/heroku.memory.rss_mb/params/pattern").asString());
        assertEquals(
                "heroku.memory.rss (MB)",
                labels.at("/heroku.memory.rss_mb/customLabel").asString());
        assertEquals(
                "heroku.memory.quota (% of quota)",
                labels.at("/heroku.memory.quota_pct/customLabel").asString());
        assertEquals("duration", formats.at("/heroku.router.service_ms/id").asString());
        assertEquals(
                "milliseconds",
                formats.at("/heroku.router.service_ms/params/inputFormat").asString());
        assertEquals(
                "nanoseconds", formats.at("/event.duration/params/inputFormat").asString());
        for (JsonNode view : Exported.dataViews().values()) {
            JsonNode fieldFormats =
                    Exported.JSON.readTree(view.at("/attributes/fieldFormatMap").asString());
            String title = view.at("/attributes/title").asString();
            for (String field : fieldFormats.propertyNames()) {
                assertTrue(
                        MappedFields.STREAMS.stream()
                                .filter(s -> MappedFields.viewMatches(title, s))
                                .anyMatch(s -> MappedFields.NUMERIC.contains(
                                        MappedFields.fieldsOf(s).get(field))),
                        "formatted field " + field + " is numeric on " + title);
            }
        }
    }

    @Test
    void everyReferenceResolvesInsideTheExportAndEveryLayerHasBoth() throws Exception {
        Map<String, String> typeById = new HashMap<>();
        Exported.objects()
                .forEach(o -> typeById.put(o.get("id").asString(), o.get("type").asString()));
        for (JsonNode object : Exported.objects()) {
            Set<String> names = new HashSet<>();
            for (JsonNode reference : object.get("references")) {
                assertEquals(
                        reference.get("type").asString(),
                        typeById.get(reference.get("id").asString()),
                        object.get("id") + " refers to " + reference);
                assertTrue(names.add(reference.get("name").asString()), "duplicate reference " + reference);
            }
            if (!object.get("type").asString().equals("dashboard")) {
                continue;
            }
            for (JsonNode panel :
                    Exported.JSON.readTree(object.at("/attributes/panelsJSON").asString())) {
                JsonNode attributes = panel.at("/embeddableConfig/attributes");
                for (String layer : attributes
                        .at("/state/datasourceStates/formBased/layers")
                        .propertyNames()) {
                    String name = "indexpattern-datasource-layer-" + layer;
                    String inner = null;
                    for (JsonNode reference : attributes.get("references")) {
                        if (reference.get("name").asString().equals(name)) {
                            inner = reference.get("id").asString();
                        }
                    }
                    assertNotNull(inner, "panel " + panel.get("panelIndex") + " has no reference for " + layer);
                    assertTrue(
                            names.contains(panel.get("panelIndex").asString() + ":" + name),
                            "dashboard " + object.get("id") + " lacks " + name);
                    assertEquals("index-pattern", typeById.get(inner), inner);
                }
            }
        }
    }

    @Test
    void panelsFitThe48ColumnGridWithoutOverlapping() throws Exception {
        for (JsonNode object : Exported.objects()) {
            if (!object.get("type").asString().equals("dashboard")) {
                continue;
            }
            List<int[]> placed = new ArrayList<>();
            Set<String> indexes = new HashSet<>();
            for (JsonNode panel :
                    Exported.JSON.readTree(object.at("/attributes/panelsJSON").asString())) {
                JsonNode grid = panel.get("gridData");
                int x = grid.get("x").asInt();
                int y = grid.get("y").asInt();
                int w = grid.get("w").asInt();
                int h = grid.get("h").asInt();
                String where =
                        object.get("id").asString() + " " + panel.get("title").asString();
                assertEquals(panel.get("panelIndex").asString(), grid.get("i").asString(), where);
                assertTrue(indexes.add(grid.get("i").asString()), "duplicate panel " + where);
                assertEquals("lens", panel.get("type").asString(), where);
                assertTrue(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 48, where + " outside the grid");
                for (int[] other : placed) {
                    boolean overlaps =
                            x < other[0] + other[2] && other[0] < x + w && y < other[1] + other[3] && other[1] < y + h;
                    assertFalse(overlaps, where + " overlaps another panel");
                }
                placed.add(new int[] {x, y, w, h});
            }
        }
    }

    @Test
    void everyLensColumnReadsAFieldTheTemplatesMapWithATypeItsOperationAccepts() throws Exception {
        int checked = 0;
        for (Exported.LensLayer layer : Exported.lensLayers()) {
            String where = layer.dashboardId() + " / " + layer.panelTitle() + " / " + layer.layerId();
            assertNotNull(layer.pattern(), where + ": data view not in the export");
            for (String field : Kql.fields(layer.query())) {
                assertMapped(layer.pattern(), field, Set.of(), where + " query");
            }
            for (String id : layer.columnOrder()) {
                JsonNode column = layer.column(id);
                assertNotNull(column, where + ": columnOrder names missing column " + id);
                String op = column.get("operationType").asString();
                String field = column.path("sourceField").asString(null);
                if (column.has("filter")) {
                    for (String filterField :
                            Kql.fields(column.at("/filter/query").asString())) {
                        assertMapped(layer.pattern(), filterField, Set.of(), where + " " + id + " filter");
                    }
                }
                switch (op) {
                    case "count" -> assertEquals("___records___", field, where);
                    case "static_value" ->
                        assertTrue(column.get("isStaticValue").asBoolean(), where);
                    case "date_histogram" -> assertMapped(layer.pattern(), field, Set.of("date"), where);
                    case "terms" -> {
                        assertMapped(layer.pattern(), field, Set.of("keyword"), where);
                        JsonNode orderBy = column.at("/params/orderBy");
                        if (orderBy.get("type").asString().equals("column")) {
                            assertTrue(
                                    layer.columnOrder()
                                            .contains(orderBy.get("columnId").asString()),
                                    where);
                        }
                    }
                    case "range" -> assertMapped(layer.pattern(), field, MappedFields.NUMERIC, where);
                    case "unique_count" -> assertMapped(layer.pattern(), field, Set.of("keyword", "long", "ip"), where);
                    case "last_value" ->
                        assertMapped(
                                layer.pattern(),
                                field,
                                union(MappedFields.NUMERIC, Set.of("keyword", "date", "ip", "boolean")),
                                where);
                    default -> {
                        assertTrue(NUMERIC_OPS.contains(op), where + ": operation " + op + " is not checked");
                        assertMapped(layer.pattern(), field, MappedFields.NUMERIC, where);
                    }
                }
                checked++;
            }
            assertVisualizationNamesExistingColumns(layer, where);
        }
        assertTrue(checked > 80, "columns checked: " + checked);
    }

    private static void assertVisualizationNamesExistingColumns(Exported.LensLayer layer, String where) {
        JsonNode visualization = layer.visualization();
        List<String> named = new ArrayList<>();
        if (visualization.has("layers")) {
            for (JsonNode xy : visualization.get("layers")) {
                if (xy.get("layerId").asString().equals(layer.layerId())) {
                    xy.get("accessors").forEach(a -> named.add(a.asString()));
                    for (String key : List.of("xAccessor", "splitAccessor")) {
                        if (xy.has(key)) {
                            named.add(xy.get(key).asString());
                        }
                    }
                }
            }
        } else if (visualization.get("layerId").asString().equals(layer.layerId())) {
            if (visualization.has("metricAccessor")) {
                named.add(visualization.get("metricAccessor").asString());
            }
            visualization
                    .path("columns")
                    .forEach(c -> named.add(c.get("columnId").asString()));
        }
        assertFalse(named.isEmpty(), where + ": the visualization shows nothing of this layer");
        named.forEach(id -> assertTrue(layer.columnOrder().contains(id), where + ": visualization names " + id));
    }

    /**
     * The field must be mapped with an accepted type in a data stream the view's pattern matches, and not with
     * another type in any of them (Kibana would show a type conflict and refuse the operation).
     */
    private static void assertMapped(String pattern, String field, Set<String> accepted, String where) {
        Set<String> types = new HashSet<>();
        for (String stream : MappedFields.STREAMS) {
            if (MappedFields.viewMatches(pattern, stream)) {
                String type = MappedFields.fieldsOf(stream).get(field);
                if (type != null) {
                    types.add(type);
                }
            }
        }
        if (types.isEmpty()) {
            fail(where + ": " + field + " is mapped in no data stream that " + pattern + " matches");
        }
        assertEquals(1, types.size(), where + ": " + field + " has conflicting types " + types);
        if (!accepted.isEmpty()) {
            assertTrue(
                    accepted.contains(types.iterator().next()),
                    where + ": " + field + " is " + types + ", the operation needs one of " + accepted);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}

package io.herokuelk.shipper.setup.kibana;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A panel as Lens attributes in the {@code formBased} shape that Kibana 8.9 writes and 9.x still reads: one
 * {@code formBased} layer per {@link Layer}, a visualization naming its columns, the panel's KQL query.
 */
final class LensState {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LensState() {}

    static String layerReferenceName(Layer layer) {
        return "indexpattern-datasource-layer-" + layer.id();
    }

    static ObjectNode attributes(Panel panel) {
        ObjectNode attributes = NODES.objectNode();
        attributes.put("title", panel.title());
        attributes.put("description", "");
        attributes.put("visualizationType", panel.kind().lens());
        ArrayNode references = attributes.putArray("references");
        for (Layer layer : panel.layers()) {
            references
                    .addObject()
                    .put("type", "index-pattern")
                    .put("id", layer.dataView().id())
                    .put("name", layerReferenceName(layer));
        }
        ObjectNode state = attributes.putObject("state");
        state.set("visualization", visualization(panel));
        state.putObject("query").put("query", Condition.kqlOf(panel.query())).put("language", "kuery");
        state.putArray("filters");
        ObjectNode layers =
                state.putObject("datasourceStates").putObject("formBased").putObject("layers");
        for (Layer layer : panel.layers()) {
            ObjectNode formBased = layers.putObject(layer.id());
            ArrayNode order = formBased.putArray("columnOrder");
            ObjectNode columns = formBased.putObject("columns");
            for (Column column : columnOrder(layer)) {
                order.add(column.id());
                columns.set(column.id(), column(column, layer));
            }
            formBased.putObject("incompleteColumns");
            formBased.put("sampling", 1);
        }
        state.putArray("internalReferences");
        state.putObject("adHocDataViews");
        return attributes;
    }

    /**
     * The order Lens keeps a layer's columns in, which is the order it nests the aggregations: other buckets before
     * the date histogram (so a breakdown's top values are computed over the whole time range, not per time bucket),
     * then the metrics (Lens' {@code getColumnOrder} in {@code form_based/operations/layer_helpers}).
     */
    static List<Column> columnOrder(Layer layer) {
        List<Column> ordered = new ArrayList<>();
        layer.buckets().stream().filter(c -> c.op() != Column.Op.DATE_HISTOGRAM).forEach(ordered::add);
        layer.buckets().stream().filter(c -> c.op() == Column.Op.DATE_HISTOGRAM).forEach(ordered::add);
        ordered.addAll(layer.metrics());
        return ordered;
    }

    /** What a table sorts by: the column a bucket is ordered by, else the unfiltered count, else the first number. */
    static String tableSort(Layer layer) {
        return layer.buckets().stream()
                .map(Column::orderBy)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .or(() -> layer.metrics().stream()
                        .filter(c -> c.op() == Column.Op.COUNT && c.filter() == null)
                        .map(Column::id)
                        .findFirst())
                .or(() -> layer.metrics().stream()
                        .filter(c -> !isString(c))
                        .map(Column::id)
                        .findFirst())
                .orElse(layer.metrics().getFirst().id());
    }

    /** A {@code last_value} of a field shown without a unit is a keyword: Lens gives it string and ordinal. */
    static boolean isString(Column column) {
        return column.op() == Column.Op.LAST_VALUE && column.unit() == Unit.NONE;
    }

    private static ObjectNode visualization(Panel panel) {
        ObjectNode visualization = NODES.objectNode();
        Layer first = panel.layers().getFirst();
        switch (panel.kind()) {
            case METRIC ->
                visualization
                        .put("layerId", first.id())
                        .put("layerType", "data")
                        .put("metricAccessor", first.metrics().getFirst().id());
            case TABLE -> {
                visualization.put("layerId", first.id()).put("layerType", "data");
                ArrayNode columns = visualization.putArray("columns");
                first.columns().forEach(c -> columns.addObject().put("columnId", c.id()));
                visualization
                        .putObject("sorting")
                        .put("columnId", tableSort(first))
                        .put("direction", "desc");
            }
            case XY -> {
                visualization.putObject("legend").put("isVisible", true).put("position", "right");
                visualization.put("valueLabels", "hide");
                visualization.put("fittingFunction", "None");
                visualization.put("preferredSeriesType", panel.seriesType());
                visualization
                        .putObject("axisTitlesVisibilitySettings")
                        .put("x", true)
                        .put("yLeft", true)
                        .put("yRight", true);
                ArrayNode layers = visualization.putArray("layers");
                for (Layer layer : panel.layers()) {
                    ObjectNode xy = layers.addObject().put("layerId", layer.id());
                    ArrayNode accessors = NODES.arrayNode();
                    layer.metrics().forEach(c -> accessors.add(c.id()));
                    if (layer.referenceLine()) {
                        xy.put("layerType", "referenceLine");
                        xy.set("accessors", accessors);
                        xy.putArray("yConfig")
                                .addObject()
                                .put("forAccessor", layer.columns().getFirst().id())
                                .put("axisMode", "left")
                                .put("color", "#BD271E")
                                .put("lineWidth", 2)
                                .put("textVisibility", true);
                        continue;
                    }
                    xy.put("layerType", "data").put("seriesType", panel.seriesType());
                    if (layer.x() != null) {
                        xy.put("xAccessor", layer.x());
                    }
                    xy.set("accessors", accessors);
                    if (layer.split() != null) {
                        xy.put("splitAccessor", layer.split());
                    }
                }
            }
        }
        return visualization;
    }

    private static ObjectNode column(Column column, Layer layer) {
        ObjectNode node = NODES.objectNode();
        node.put("label", column.label());
        node.put("customLabel", true);
        node.put("operationType", column.op().lens());
        ObjectNode params = NODES.objectNode();
        switch (column.op()) {
            case DATE_HISTOGRAM -> {
                node.put("dataType", "date")
                        .put("isBucketed", true)
                        .put("scale", "interval")
                        .put("sourceField", column.field());
                params.put("interval", "auto").put("includeEmptyRows", true).put("dropPartials", false);
            }
            case TERMS -> {
                node.put("dataType", "string")
                        .put("isBucketed", true)
                        .put("scale", "ordinal")
                        .put("sourceField", column.field());
                params.put("size", (int) column.size());
                if (column.orderBy() != null) {
                    params.putObject("orderBy").put("type", "column").put("columnId", column.orderBy());
                } else {
                    // Document count: a count column when the layer has one, else alphabetical.
                    String countColumn = layer.metrics().stream()
                            .filter(c -> c.op() == Column.Op.COUNT && c.filter() == null)
                            .map(Column::id)
                            .findFirst()
                            .orElse(null);
                    if (countColumn != null) {
                        params.putObject("orderBy").put("type", "column").put("columnId", countColumn);
                    } else {
                        params.putObject("orderBy").put("type", "alphabetical").put("fallback", true);
                    }
                }
                params.put(
                        "orderDirection",
                        params.get("orderBy").get("type").asString().equals("alphabetical") ? "asc" : "desc");
                params.put("otherBucket", false).put("missingBucket", false);
                params.putObject("parentFormat").put("id", "terms");
            }
            case RANGE -> {
                node.put("dataType", "string")
                        .put("isBucketed", true)
                        .put("scale", "ordinal")
                        .put("sourceField", column.field());
                params.put("type", "range").put("maxBars", "auto");
                ArrayNode ranges = params.putArray("ranges");
                column.ranges()
                        .forEach(r -> ranges.addObject()
                                .put("from", r.from())
                                .put("to", r.to())
                                .put("label", r.label()));
            }
            case STATIC_VALUE -> {
                node.put("dataType", "number")
                        .put("isBucketed", false)
                        .put("isStaticValue", true)
                        .put("scale", "ratio");
                node.putArray("references");
                params.put("value", formatNumber(column.size()));
            }
            default -> {
                boolean string = isString(column);
                node.put("dataType", string ? "string" : "number")
                        .put("isBucketed", false)
                        .put("scale", string ? "ordinal" : "ratio")
                        .put("sourceField", column.field());
                switch (column.op()) {
                    case PERCENTILE -> params.put("percentile", (int) column.size());
                    case LAST_VALUE -> params.put("sortField", "@timestamp").put("showArrayValues", false);
                    default -> params.put("emptyAsNull", true);
                }
                ObjectNode format = format(column.unit());
                if (format != null) {
                    params.set("format", format);
                }
            }
        }
        node.set("params", params);
        if (column.filter() != null) {
            node.putObject("filter")
                    .put("language", "kuery")
                    .put("query", column.filter().kql());
        } else if (column.op() == Column.Op.LAST_VALUE) {
            // Lens adds this itself: the latest document that has the field, not merely the latest document.
            node.putObject("filter")
                    .put("language", "kuery")
                    .put("query", Condition.exists(column.field()).kql());
        }
        return node;
    }

    /**
     * Lens column formats: a number with a unit suffix. Durations get none: Lens' own duration format exists only
     * from 8.10 and takes a moment.js output method ({@code asMilliseconds}), so the column keeps the data view's
     * duration format ({@link SavedObjects#fieldFormat}), which every supported version applies.
     */
    static ObjectNode format(Unit unit) {
        ObjectNode format = NODES.objectNode();
        switch (unit) {
            case MB ->
                format.put("id", "number")
                        .putObject("params")
                        .put("decimals", 1)
                        .put("suffix", " MB");
            case PERCENT ->
                format.put("id", "number")
                        .putObject("params")
                        .put("decimals", 1)
                        .put("suffix", " %");
            case MS ->
                format.put("id", "number")
                        .putObject("params")
                        .put("decimals", 0)
                        .put("suffix", " ms");
            case COUNT -> format.put("id", "number").putObject("params").put("decimals", 0);
            case NANOS, NONE -> {
                return null;
            }
        }
        return format;
    }

    static String formatNumber(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}

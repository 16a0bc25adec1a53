package io.herokuelk.shipper.setup.kibana;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Lens layer of the committed NDJSON as the Elasticsearch search Lens sends for it: the data view's patterns (cut
 * to one namespace), the panel's KQL and a time range, bucket columns nested in column order, metric columns inside
 * (a column with its own filter inside a {@code filter} aggregation).
 */
final class PanelSearch {

    private PanelSearch() {}

    static String index(String pattern, String namespace) {
        return java.util.Arrays.stream(pattern.split(","))
                .map(p -> p.trim().replaceAll("-\\*$", "-" + namespace))
                .collect(Collectors.joining(","));
    }

    static ObjectNode body(Exported.LensLayer layer, Instant from, Instant to) {
        ObjectNode body = Exported.JSON.createObjectNode();
        body.put("size", 0);
        ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
        filter.add(Kql.query(layer.query()));
        filter.addObject()
                .putObject("range")
                .putObject("@timestamp")
                .put("gte", from.toString())
                .put("lt", to.toString());
        ObjectNode aggs = body.putObject("aggs");
        List<String> buckets = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        for (String id : layer.columnOrder()) {
            (layer.column(id).get("isBucketed").asBoolean() ? buckets : metrics).add(id);
        }
        for (String id : buckets) {
            aggs = bucket(aggs, id, layer.column(id));
            JsonNode orderBy = layer.column(id).at("/params/orderBy");
            if (orderBy.path("type").asString("").equals("column")) {
                // Lens computes the ordering metric at the level of the terms it orders.
                String orderId = orderBy.get("columnId").asString();
                metric(aggs, orderPath(orderId), layer.column(orderId));
            }
        }
        for (String id : metrics) {
            metric(aggs, id, layer.column(id));
        }
        return body;
    }

    private static ObjectNode bucket(ObjectNode aggs, String id, JsonNode column) {
        ObjectNode agg = aggs.putObject(id);
        String field = column.get("sourceField").asString();
        switch (column.get("operationType").asString()) {
            case "date_histogram" ->
                agg.putObject("date_histogram").put("field", field).put("fixed_interval", "1m");
            case "terms" -> {
                ObjectNode terms = agg.putObject("terms")
                        .put("field", field)
                        .put("size", column.at("/params/size").asInt());
                JsonNode orderBy = column.at("/params/orderBy");
                if (orderBy.get("type").asString().equals("alphabetical")) {
                    terms.putObject("order").put("_key", "asc");
                } else {
                    terms.putObject("order")
                            .put(orderPath(orderBy.get("columnId").asString()), "desc");
                }
            }
            case "range" -> {
                ObjectNode range = agg.putObject("range").put("field", field);
                ArrayNode ranges = range.putArray("ranges");
                column.at("/params/ranges")
                        .forEach(r -> ranges.addObject()
                                .put("key", r.get("label").asString())
                                .put("from", r.get("from").asDouble())
                                .put("to", r.get("to").asDouble()));
            }
            default -> throw new IllegalArgumentException("bucket " + column);
        }
        return agg.putObject("aggs");
    }

    /** Ordering refers to the metric column's aggregation; the count column to its value (see {@link #metric}). */
    private static String orderPath(String columnId) {
        return columnId + "_order";
    }

    private static void metric(ObjectNode aggs, String id, JsonNode column) {
        String op = column.get("operationType").asString();
        if (op.equals("static_value")) {
            return;
        }
        ObjectNode holder = aggs;
        String name = id;
        if (column.has("filter")) {
            ObjectNode filtered = aggs.putObject(id);
            filtered.set("filter", Kql.query(column.at("/filter/query").asString()));
            holder = filtered.putObject("aggs");
            name = "value";
        }
        String field = column.path("sourceField").asString();
        ObjectNode agg = holder.putObject(name);
        switch (op) {
            case "count" -> agg.putObject("value_count").put("field", "@timestamp");
            case "max", "min", "sum" -> agg.putObject(op).put("field", field);
            case "average" -> agg.putObject("avg").put("field", field);
            case "unique_count" -> agg.putObject("cardinality").put("field", field);
            case "median" ->
                agg.putObject("percentiles")
                        .put("field", field)
                        .putArray("percents")
                        .add(50);
            case "percentile" ->
                agg.putObject("percentiles")
                        .put("field", field)
                        .putArray("percents")
                        .add(column.at("/params/percentile").asInt());
            case "last_value" -> {
                // What Lens sends for it: the newest document's value, by top_hits.
                ObjectNode top = agg.putObject("top_hits").put("size", 1);
                top.putArray("sort")
                        .addObject()
                        .putObject(column.at("/params/sortField").asString())
                        .put("order", "desc");
                top.putArray("docvalue_fields").add(field);
                top.put("_source", false);
            }
            default -> throw new IllegalArgumentException("metric " + column);
        }
    }

    /** The value of a metric column in one bucket, or null when it has none. */
    static Double value(JsonNode bucket, String id, JsonNode column) {
        JsonNode agg = bucket.get(id);
        if (agg == null) {
            return null;
        }
        if (column.has("filter")) {
            agg = agg.get("value");
        }
        if (agg.has("values")) {
            JsonNode first = agg.get("values").properties().iterator().next().getValue();
            return first.isNumber() ? first.asDouble() : null;
        }
        if (agg.has("hits")) {
            JsonNode fields = agg.at("/hits/hits/0/fields");
            if (fields.isMissingNode() || fields.isEmpty()) {
                return null;
            }
            JsonNode v = fields.properties().iterator().next().getValue().get(0);
            return v.isNumber() ? v.asDouble() : v.isString() ? 1.0 : null; // a keyword counts as present
        }
        JsonNode v = agg.get("value");
        return v != null && v.isNumber() ? v.asDouble() : null;
    }

    /** Every innermost bucket (or the root when the layer has no bucket column). */
    static List<JsonNode> leaves(JsonNode aggregations, List<String> bucketIds) {
        List<JsonNode> level = List.of(aggregations);
        for (String id : bucketIds) {
            List<JsonNode> next = new ArrayList<>();
            level.forEach(node -> node.path(id).path("buckets").forEach(next::add));
            level = next;
        }
        return level;
    }
}

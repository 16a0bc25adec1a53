package io.herokuelk.shipper.setup.kibana;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The {@code .index-threshold} rule's parameter schema as Kibana checks it, with Kibana's messages: the keys of
 * {@code CoreQueryParamsSchemaProperties} ({@code triggers_actions_ui/server/data/lib/core_query_types.ts}) plus
 * {@code thresholdComparator} and {@code threshold} ({@code stack_alerts/.../index_threshold/rule_type_params.ts}),
 * unknown keys refused as {@code @kbn/config-schema} objects do, then the cross-field checks of
 * {@code validateCoreQueryBody} and {@code validateParams}. {@code filterKuery} is parsed by {@link Kql}, which
 * accepts a subset of KQL: stricter than Kibana, never looser.
 */
final class IndexThresholdParams {

    /** Kibana's {@code MAX_GROUPS}. */
    static final int MAX_GROUPS = 1000;

    private static final Set<String> AGG_TYPES = Set.of("count", "avg", "min", "max", "sum");
    private static final Set<String> COMPARATORS = Set.of(">", "<", ">=", "<=", "between", "notBetween");
    private static final Set<String> TIME_UNITS = Set.of("s", "m", "h", "d");
    private static final Set<String> KEYS = Set.of(
            "index",
            "timeField",
            "aggType",
            "aggField",
            "groupBy",
            "termField",
            "filterKuery",
            "termSize",
            "timeWindowSize",
            "timeWindowUnit",
            "thresholdComparator",
            "threshold");

    private IndexThresholdParams() {}

    /** Kibana's sentence for the first problem, or null when the parameters are valid. */
    static String problem(JsonNode params) {
        if (!params.isObject()) {
            return "expected a plain object value, but found [" + params.getNodeType() + "] instead.";
        }
        for (String key : params.propertyNames()) {
            if (!KEYS.contains(key)) {
                return "[" + key + "]: definition for this key is missing";
            }
        }
        String schema = schemaProblem(params);
        return schema != null ? schema : crossFieldProblem(params);
    }

    private static String schemaProblem(JsonNode p) {
        JsonNode index = p.path("index");
        boolean indexOk = index.isString()
                ? !index.asString().isEmpty()
                : index.isArray()
                        && !index.isEmpty()
                        && index.valueStream()
                                .allMatch(i -> i.isString() && !i.asString().isEmpty());
        if (!indexOk) {
            return "[index]: types that failed validation:\n- [index.0]: expected value of type [string] but got ["
                    + typeOf(index) + "]\n- [index.1]: expected value of type [array] but got [" + typeOf(index) + "]";
        }
        Map<String, Set<String>> choices = Map.of("aggType", AGG_TYPES, "timeWindowUnit", TIME_UNITS);
        for (String key : new String[] {"timeField", "aggType", "groupBy", "timeWindowUnit"}) {
            if (!p.path(key).isString()) {
                return "[" + key + "]: expected value of type [string] but got [" + typeOf(p.path(key)) + "]";
            }
        }
        if (p.get("timeField").asString().isEmpty()) {
            return "[timeField]: value has length [0] but it must have a minimum length of [1].";
        }
        for (Map.Entry<String, Set<String>> choice : choices.entrySet()) {
            String value = p.get(choice.getKey()).asString();
            if (!choice.getValue().contains(value)) {
                return "[" + choice.getKey() + "]: invalid " + choice.getKey() + ": \"" + value + "\"";
            }
        }
        String groupBy = p.get("groupBy").asString();
        if (!groupBy.equals("all") && !groupBy.equals("top")) {
            return "[groupBy]: invalid groupBy: \"" + groupBy + "\"";
        }
        for (String key : new String[] {"aggField", "termField"}) {
            if (p.has(key) && (!p.get(key).isString() || p.get(key).asString().isEmpty())) {
                return "[" + key + "]: value has length [0] but it must have a minimum length of [1].";
            }
        }
        if (p.has("filterKuery")) {
            try {
                Kql.query(p.get("filterKuery").asString());
            } catch (IllegalArgumentException e) {
                return "[filterKuery]: Filter query is invalid.";
            }
        }
        for (String key : new String[] {"termSize", "timeWindowSize"}) {
            if (!p.has(key) && key.equals("termSize")) {
                continue;
            }
            if (!p.path(key).isNumber()) {
                return "[" + key + "]: expected value of type [number] but got [" + typeOf(p.path(key)) + "]";
            }
            if (p.get(key).asDouble() < 1) {
                return "[" + key + "]: Value must be equal to or greater than [1].";
            }
        }
        String comparator = p.path("thresholdComparator").asString("");
        if (!COMPARATORS.contains(comparator)) {
            return "[thresholdComparator]: invalid thresholdComparator specified: " + comparator;
        }
        JsonNode threshold = p.path("threshold");
        if (!threshold.isArray()) {
            return "[threshold]: expected value of type [array] but got [" + typeOf(threshold) + "]";
        }
        if (threshold.isEmpty() || threshold.size() > 2) {
            return "[threshold]: array size is [" + threshold.size() + "], but cannot be "
                    + (threshold.isEmpty() ? "smaller than [1]" : "greater than [2]");
        }
        if (!threshold.valueStream().allMatch(JsonNode::isNumber)) {
            return "[threshold.0]: expected value of type [number] but got [string]";
        }
        return null;
    }

    private static String crossFieldProblem(JsonNode p) {
        String aggType = p.get("aggType").asString();
        if (!aggType.equals("count") && !p.has("aggField")) {
            return "[aggField]: must have a value when [aggType] is \"" + aggType + "\"";
        }
        if (p.get("groupBy").asString().equals("top")) {
            if (!p.has("termField")) {
                return "[termField]: termField required when [groupBy] is top";
            }
            if (!p.has("termSize")) {
                return "[termSize]: termSize required when [groupBy] is top";
            }
            if (p.get("termSize").asDouble() > MAX_GROUPS) {
                return "[termSize]: must be less than or equal to " + MAX_GROUPS;
            }
        }
        String comparator = p.get("thresholdComparator").asString();
        if ((comparator.equals("between") || comparator.equals("notBetween"))
                && p.get("threshold").size() == 1) {
            return "[threshold]: must have two elements for the \"" + comparator + "\" comparator";
        }
        return null;
    }

    private static String typeOf(JsonNode node) {
        return node.isMissingNode() || node.isNull()
                ? "undefined"
                : node.isString()
                        ? "string"
                        : node.isNumber()
                                ? "number"
                                : node.isArray() ? "Array" : node.isBoolean() ? "boolean" : "Object";
    }
}

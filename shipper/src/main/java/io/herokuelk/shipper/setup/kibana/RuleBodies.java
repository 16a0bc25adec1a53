package io.herokuelk.shipper.setup.kibana;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies of Kibana's alerting and connector APIs for our rules and the server-log connector. Create bodies carry
 * what an update must not ({@code rule_type_id}, {@code consumer}, {@code enabled}, {@code connector_type_id}).
 */
final class RuleBodies {

    static final String RULE_TYPE = ".index-threshold";
    static final String ACTION_GROUP = "threshold met";
    static final String SERVER_LOG = ".server-log";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RuleBodies() {}

    static ObjectNode createRule(ThresholdRule rule, String connectorId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("rule_type_id", RULE_TYPE);
        body.put("consumer", "stackAlerts");
        body.put("enabled", true);
        body.setAll(updateRule(rule, connectorId));
        return body;
    }

    /** The rule's body; its action notifies through the server-log connector of the rule's space. */
    static ObjectNode updateRule(ThresholdRule rule, String connectorId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", rule.name());
        body.putArray("tags").add("heroku-elk");
        body.putObject("schedule").put("interval", "1m");
        body.set("params", params(rule));
        ArrayNode actions = body.putArray("actions");
        ObjectNode action = actions.addObject();
        action.put("group", ACTION_GROUP);
        action.put("id", connectorId);
        action.putObject("params").put("level", "warn").put("message", rule.name() + ": " + rule.message());
        action.putObject("frequency")
                .put("summary", false)
                .put("notify_when", "onActionGroupChange")
                .putNull("throttle");
        return body;
    }

    /** The {@code .index-threshold} parameters; Kibana builds its query from these (see the rule tests). */
    static ObjectNode params(ThresholdRule rule) {
        ObjectNode params = JSON.createObjectNode();
        params.putArray("index").add(rule.index());
        params.put("timeField", "@timestamp");
        params.put("aggType", rule.aggType());
        if (rule.aggField() != null) {
            params.put("aggField", rule.aggField());
        }
        params.put("groupBy", "top");
        params.put("termField", rule.termField());
        params.put("termSize", rule.termSize());
        params.put("filterKuery", rule.filter().kql());
        params.put("timeWindowSize", rule.windowMinutes());
        params.put("timeWindowUnit", "m");
        params.put("thresholdComparator", rule.comparator());
        params.putArray("threshold").add(rule.threshold());
        return params;
    }

    static ObjectNode createConnector() {
        ObjectNode body = updateConnector();
        body.put("connector_type_id", SERVER_LOG);
        return body;
    }

    static ObjectNode updateConnector() {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", HerokuElkObjects.SERVER_LOG_CONNECTOR_NAME);
        body.putObject("config");
        body.putObject("secrets");
        return body;
    }

    /**
     * Whether Kibana's rule already says what the update would: every sent field equal, params compared only on
     * the keys we send (Kibana adds defaults), actions on group, connector and params.
     */
    static boolean ruleMatches(JsonNode current, ObjectNode wanted) {
        if (!current.path("name").equals(wanted.get("name"))
                || !current.path("tags").equals(wanted.get("tags"))
                || !current.path("schedule").equals(wanted.get("schedule"))) {
            return false;
        }
        for (Map.Entry<String, JsonNode> param : wanted.get("params").properties()) {
            if (!sameValue(current.path("params").path(param.getKey()), param.getValue())) {
                return false;
            }
        }
        JsonNode actions = current.path("actions");
        JsonNode wantedActions = wanted.get("actions");
        if (actions.size() != wantedActions.size()) {
            return false;
        }
        for (int i = 0; i < actions.size(); i++) {
            for (String key : new String[] {"group", "id", "params"}) {
                if (!actions.get(i).path(key).equals(wantedActions.get(i).get(key))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Numbers compare by value: Kibana may give back 90 where we sent 90.0. */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                if (!sameValue(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.asDouble() == b.asDouble();
        }
        return a.equals(b);
    }
}

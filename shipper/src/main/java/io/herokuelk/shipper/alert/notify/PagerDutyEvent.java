package io.herokuelk.shipper.alert.notify;

import io.herokuelk.shipper.alert.model.Alert;
import io.herokuelk.shipper.alert.model.AlertJson;
import io.herokuelk.shipper.config.Secret;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds an Events API v2 event: {@code trigger} for a firing alert (and its re-alerts), {@code resolve} for a
 * resolved one, both with {@code dedup_key} = the episode id, so that PagerDuty keeps one incident per episode and a
 * repeated trigger (after a restart, from another instance) only adds to it.
 */
final class PagerDutyEvent {

    /** PagerDuty's limit on the summary. */
    private static final int SUMMARY_LIMIT = 1024;

    private PagerDutyEvent() {}

    static byte[] toBytes(Alert alert, Secret routingKey) {
        return JsonMapper.shared().writeValueAsBytes(toTree(alert, routingKey));
    }

    static ObjectNode toTree(Alert alert, Secret routingKey) {
        ObjectNode event = JsonMapper.shared().createObjectNode();
        event.put("routing_key", routingKey.reveal());
        boolean resolved = Alert.RESOLVED.equals(alert.state());
        event.put("event_action", resolved ? "resolve" : "trigger");
        event.put("dedup_key", alert.episodeId());
        if (resolved) {
            return event; // a resolve needs no payload
        }
        event.put("client", "heroku-elk");
        ObjectNode payload = event.putObject("payload");
        String summary = alert.summary() == null ? alert.key() : alert.summary();
        payload.put("summary", summary.length() <= SUMMARY_LIMIT ? summary : summary.substring(0, SUMMARY_LIMIT));
        payload.put("severity", severity(alert.severity()));
        payload.put("source", alert.app() + (alert.dyno() == null ? "" : "/" + alert.dyno()));
        payload.put("component", alert.dyno() == null ? alert.app() : alert.dyno());
        payload.put("group", alert.app());
        payload.put("class", alert.type());
        payload.put("timestamp", alert.at().toString());
        ObjectNode details = payload.putObject("custom_details");
        details.put("rule", alert.rule());
        details.put("alert_id", alert.id());
        details.set("figures", AlertJson.figures(alert));
        if (alert.context() != null) {
            details.set("context", AlertJson.context(alert.context()));
        }
        if (alert.remediation() != null) {
            details.put("remediation", alert.remediation());
        }
        if (alert.diagnosis() != null) {
            details.set("diagnosis", AlertJson.diagnosis(alert.diagnosis()));
        }
        return event;
    }

    /** PagerDuty knows critical, error, warning and info. */
    static String severity(String severity) {
        return switch (severity == null ? "" : severity) {
            case "critical", "error", "warning" -> severity;
            default -> "info";
        };
    }
}

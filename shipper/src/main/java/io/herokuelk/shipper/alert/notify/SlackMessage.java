package io.herokuelk.shipper.alert.notify;

import io.herokuelk.shipper.alert.model.Alert;
import io.herokuelk.shipper.alert.model.Diagnosis;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the Slack message for an alert: a fallback {@code text} for notifications, and one attachment whose colour
 * tells state and severity at a glance (green resolved, red critical, amber warning) holding Block Kit blocks: the
 * summary, app, dyno, state, the figures, the last memory samples, the busiest and slowest paths and, while firing,
 * the remediation.
 */
final class SlackMessage {

    static final String GREEN = "#2eb886";
    static final String RED = "#d50200";
    static final String AMBER = "#daa038";
    static final String GREY = "#9e9e9e";

    /** Slack's limits: 150 characters in a header, 3000 in a section's text. */
    private static final int HEADER_LIMIT = 150;

    private static final int SECTION_LIMIT = 3000;
    private static final int SAMPLES_SHOWN = 5;
    private static final int PATHS_SHOWN = 5;

    private SlackMessage() {}

    static byte[] toBytes(Alert alert) {
        return JsonMapper.shared().writeValueAsBytes(toTree(alert));
    }

    static ObjectNode toTree(Alert alert) {
        boolean resolved = Alert.RESOLVED.equals(alert.state());
        ObjectNode message = JsonMapper.shared().createObjectNode();
        message.put("text", title(alert, resolved) + (alert.summary() == null ? "" : ": " + alert.summary()));
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("color", color(alert, resolved));
        ArrayNode blocks = attachment.putArray("blocks");

        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", limit(title(alert, resolved), HEADER_LIMIT));
        if (alert.summary() != null) {
            section(blocks, escape(alert.summary()));
        }
        ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
        field(fields, "App", alert.app());
        field(fields, "Dyno", alert.dyno() == null ? "all dynos" : alert.dyno());
        field(fields, "State", resolved ? "resolved" : alert.state());
        field(fields, "Severity", alert.severity());
        field(fields, "Rule", alert.rule() + " (" + alert.type() + ")");
        field(fields, "Since", alert.startedAt().toString());

        if (alert.figures() != null && !alert.figures().isEmpty()) {
            StringBuilder text = new StringBuilder("*Figures*");
            for (Map.Entry<String, Object> figure : alert.figures().entrySet()) {
                text.append("\n• `")
                        .append(escape(figure.getKey()))
                        .append("`: ")
                        .append(escape(format(figure.getValue())));
            }
            section(blocks, text.toString());
        }
        Alert.Context context = alert.context() == null ? Alert.Context.EMPTY : alert.context();
        if (!context.memory().isEmpty()) {
            List<Alert.MemorySample> memory = context.memory();
            StringBuilder text = new StringBuilder("*Last memory samples*\n```");
            for (Alert.MemorySample sample :
                    memory.subList(Math.max(0, memory.size() - SAMPLES_SHOWN), memory.size())) {
                text.append('\n')
                        .append(sample.at())
                        .append("  ")
                        .append(escape(sample.source()))
                        .append("  ")
                        .append(format(sample.usedMb()))
                        .append(" MB");
                if (sample.quotaMb() != null) {
                    text.append(" of ").append(format(sample.quotaMb())).append(" MB");
                }
                if (sample.percent() != null) {
                    text.append(" (").append(format(sample.percent())).append("%)");
                }
            }
            section(blocks, text.append("\n```").toString());
        }
        paths(blocks, "Busiest paths", context.busiest());
        paths(blocks, "Slowest paths", context.slowest());
        if (!resolved && alert.diagnosis() != null) {
            Diagnosis d = alert.diagnosis();
            section(
                    blocks,
                    "*Diagnosis: " + escape(d.cause().replace('_', ' ')) + "* (" + escape(d.confidence())
                            + " confidence; from " + escape(String.join(", ", d.signals())) + ")\n"
                            + escape(d.summary())
                            + (d.others().isEmpty() ? "" : "\nAlso: " + escape(String.join(", ", d.others()))));
        }
        if (!resolved && alert.remediation() != null) {
            section(blocks, "*Remediation*\n" + escape(alert.remediation()));
        }
        ObjectNode footer = blocks.addObject().put("type", "context");
        footer.putArray("elements")
                .addObject()
                .put("type", "mrkdwn")
                .put("text", escape("heroku-elk alert " + alert.id()));
        return message;
    }

    private static String title(Alert alert, boolean resolved) {
        String what = alert.rule() + " on " + alert.app() + (alert.dyno() == null ? "" : " " + alert.dyno());
        return resolved ? "RESOLVED: " + what : String.valueOf(alert.severity()).toUpperCase(Locale.ROOT) + ": " + what;
    }

    private static String color(Alert alert, boolean resolved) {
        if (resolved) {
            return GREEN;
        }
        return switch (String.valueOf(alert.severity())) {
            case "critical" -> RED;
            case "warning" -> AMBER;
            default -> GREY;
        };
    }

    private static void paths(ArrayNode blocks, String title, List<Alert.PathStat> stats) {
        if (stats.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("*").append(title).append('*');
        for (Alert.PathStat stat : stats.subList(0, Math.min(PATHS_SHOWN, stats.size()))) {
            text.append("\n• `")
                    .append(escape(stat.path()))
                    .append("`  ")
                    .append(stat.requests())
                    .append(" req, p95 ")
                    .append(format(stat.p95ServiceMs()))
                    .append(" ms, max ")
                    .append(format(stat.maxServiceMs()))
                    .append(" ms");
        }
        section(blocks, text.toString());
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        blocks.addObject()
                .put("type", "section")
                .putObject("text")
                .put("type", "mrkdwn")
                .put("text", limit(mrkdwn, SECTION_LIMIT));
    }

    private static void field(ArrayNode fields, String name, String value) {
        fields.addObject().put("type", "mrkdwn").put("text", "*" + name + "*\n" + escape(String.valueOf(value)));
    }

    /** Numbers as people read them: at most two decimals, no trailing zeros. */
    static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return String.valueOf(d);
            }
            return BigDecimal.valueOf(d)
                    .setScale(2, RoundingMode.HALF_UP)
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return String.valueOf(value);
    }

    /** Slack reads &, < and > as markup (links, mentions); everything else is literal. */
    private static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

package io.herokuelk.shipper.alert.notify;

import io.herokuelk.shipper.alert.model.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Writes each alert as one structured log line (SLF4J key-value pairs, ECS names), so that an alert is on record even
 * when every other destination is down. Level: error for critical, warn for warning, info for resolved.
 */
public final class LogDestination implements Destination {

    private static final Logger LOG = LoggerFactory.getLogger("io.herokuelk.shipper.alert");

    @Override
    public String name() {
        return "log";
    }

    @Override
    public Delivery deliver(Alert alert) {
        LOG.atLevel(level(alert))
                .addKeyValue("event.kind", "alert")
                .addKeyValue("event.id", alert.id())
                .addKeyValue("rule.name", alert.rule())
                .addKeyValue("rule.category", alert.type())
                .addKeyValue("heroku.app", alert.app())
                .addKeyValue("heroku.dyno", alert.dyno())
                .addKeyValue("heroku_elk.alert.state", alert.state())
                .addKeyValue("heroku_elk.alert.severity", alert.severity())
                .addKeyValue("heroku_elk.alert.episode_id", alert.episodeId())
                .addKeyValue("heroku_elk.alert.figures", alert.figures())
                .addKeyValue("heroku_elk.alert.remediation", alert.remediation())
                .addKeyValue(
                        "heroku_elk.diagnosis.cause",
                        alert.diagnosis() == null ? null : alert.diagnosis().cause())
                .addKeyValue(
                        "heroku_elk.diagnosis.confidence",
                        alert.diagnosis() == null ? null : alert.diagnosis().confidence())
                .addKeyValue(
                        "heroku_elk.diagnosis.summary",
                        alert.diagnosis() == null ? null : alert.diagnosis().summary())
                .log("Alert {} {}: {}", alert.state(), alert.key(), alert.summary());
        return Delivery.delivered();
    }

    private static Level level(Alert alert) {
        if (Alert.RESOLVED.equals(alert.state())) {
            return Level.INFO;
        }
        return "critical".equals(alert.severity()) ? Level.ERROR : Level.WARN;
    }

    @Override
    public String toString() {
        return name();
    }
}

package io.herokuelk.shipper.alert.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AlertJsonTest {

    private static final Instant STARTED = Instant.parse("2025-03-04T10:15:30.250Z");

    @Test
    void aFiringAlertWithContextRoundTrips() {
        Alert alert = r14();

        assertThat(AlertJson.fromJson(AlertJson.toJson(alert))).isEqualTo(alert);
        assertThat(AlertJson.fromBytes(AlertJson.toBytes(alert))).isEqualTo(alert);
    }

    @Test
    void anAppWideAlertWithoutDynoContextOrRemediationRoundTrips() {
        Alert silence = new Alert(
                "quiet-app",
                "silence",
                "critical",
                Alert.RESOLVED,
                "notes-prod",
                null,
                STARTED,
                STARTED.plusSeconds(900),
                "notes-prod is sending events again",
                Map.of(),
                null,
                null,
                null);

        Alert back = AlertJson.fromJson(AlertJson.toJson(silence));

        assertThat(back).isEqualTo(silence);
        assertThat(JsonMapper.shared()
                        .readTree(AlertJson.toJson(silence))
                        .path("heroku")
                        .has("dyno"))
                .isFalse();
    }

    @Test
    void writesTheEcsFieldsTheAlertDataStreamIndexes() {
        Alert alert = r14();

        JsonNode doc = JsonMapper.shared().readTree(AlertJson.toBytes(alert));

        assertThat(doc.path("@timestamp").stringValue()).isEqualTo("2025-03-04T10:15:32.250Z");
        assertThat(doc.path("message").stringValue()).isEqualTo(alert.summary());
        assertThat(doc.path("event").path("dataset").stringValue()).isEqualTo("heroku_elk.alert");
        assertThat(doc.path("event").path("kind").stringValue()).isEqualTo("alert");
        assertThat(doc.path("event").path("id").stringValue()).isEqualTo(alert.id());
        assertThat(doc.path("event").path("severity").intValue()).isEqualTo(4);
        assertThat(doc.path("log").path("level").stringValue()).isEqualTo("warning");
        assertThat(doc.path("rule").path("name").stringValue()).isEqualTo("r14-web");
        assertThat(doc.path("rule").path("category").stringValue()).isEqualTo("r14");
        assertThat(doc.path("heroku").path("app").stringValue()).isEqualTo("notes-prod");
        assertThat(doc.path("heroku").path("dyno").stringValue()).isEqualTo("web.1");
        JsonNode own = doc.path("heroku_elk").path("alert");
        assertThat(own.path("state").stringValue()).isEqualTo("firing");
        assertThat(own.path("key").stringValue()).isEqualTo("r14-web/notes-prod/web.1");
        assertThat(own.path("episode_id").stringValue()).isEqualTo(alert.episodeId());
        assertThat(own.path("started_at").stringValue()).isEqualTo("2025-03-04T10:15:30.250Z");
        assertThat(own.path("figures").path("memory_total_mb").doubleValue()).isEqualTo(612.4);
        assertThat(own.path("context").path("memory").get(1).path("quota_mb").isMissingNode())
                .isTrue();
        assertThat(own.path("context")
                        .path("busiest")
                        .get(0)
                        .path("p95_service_ms")
                        .doubleValue())
                .isEqualTo(45.5);
        assertThat(own.path("context").path("slowest").get(0).path("path").stringValue())
                .isEqualTo("/reports/export");
        assertThat(own.path("remediation").stringValue()).startsWith("Fewer workers");
        JsonNode diagnosis = doc.path("heroku_elk").path("diagnosis");
        assertThat(diagnosis.path("cause").stringValue()).isEqualTo("too_many_processes");
        assertThat(diagnosis.path("confidence").stringValue()).isEqualTo("high");
        assertThat(diagnosis.path("summary").stringValue()).startsWith("web.1 runs 5 app processes");
        assertThat(diagnosis.path("figures").path("processes").longValue()).isEqualTo(5);
        assertThat(diagnosis.path("signals").get(0).stringValue()).isEqualTo("app.memory per process (5 pids)");
        assertThat(diagnosis.path("others").get(0).stringValue()).isEqualTo("memory_growth (medium)");
        assertThat(doc.path("data_stream").path("dataset").stringValue()).isEqualTo("heroku_elk.alert");
        assertThat(doc.path("ecs").path("version").stringValue()).isNotBlank();
    }

    @Test
    void numbersSeverityTheSyslogWay() {
        assertThat(AlertJson.severityNumber("critical")).isEqualTo(2);
        assertThat(AlertJson.severityNumber("warning")).isEqualTo(4);
        assertThat(AlertJson.severityNumber("info")).isEqualTo(6);
    }

    @Test
    void namesTheFieldADocumentLacks() {
        String json = AlertJson.toJson(r14()).replace("\"started_at\"", "\"begun\"");

        assertThatThrownBy(() -> AlertJson.fromJson(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heroku_elk.alert.started_at");
        assertThatThrownBy(() -> AlertJson.fromJson("{not json")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Alert r14() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("memory_total_mb", 612.4);
        figures.put("memory_quota_mb", 512L);
        figures.put("r14_count", 3L);
        figures.put("over_quota", true);
        figures.put("bytes_over", 5_000_000_000L);
        figures.put("source", "heroku");
        Alert.Context context = new Alert.Context(
                List.of(
                        new Alert.MemorySample(STARTED.minusSeconds(20), "heroku", 498.1, 512.0, 97.3),
                        new Alert.MemorySample(STARTED, "app", 612.4, null, null)),
                List.of(new Alert.PathStat("/api/notes", 1840, 45.5, 310)),
                List.of(new Alert.PathStat("/reports/export", 12, 8700, 29_950)));
        return new Alert(
                "r14-web",
                "r14",
                "warning",
                Alert.FIRING,
                "notes-prod",
                "web.1",
                STARTED,
                STARTED.plusSeconds(2),
                "web.1 of notes-prod exceeded its memory quota (R14)",
                figures,
                context,
                "Fewer workers or threads per dyno, or a larger dyno.",
                io.herokuelk.shipper.alert.notify.SampleAlerts.DIAGNOSIS);
    }
}

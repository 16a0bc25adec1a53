package io.herokuelk.shipper.alert.notify;

import io.herokuelk.shipper.alert.model.Alert;
import io.herokuelk.shipper.alert.model.Diagnosis;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Alerts as the evaluator makes them, for the destination and notifier tests. */
public final class SampleAlerts {

    /** What the alerter concluded for the sample R14: five processes on one dyno. */
    public static final Diagnosis DIAGNOSIS = new Diagnosis(
            Diagnosis.TOO_MANY_PROCESSES,
            "high",
            "web.1 runs 5 app processes holding 61-188 MB each (total 690 MB of the dyno's 909 MB); with 1 process"
                    + " the dyno would hold about 407 MB (79% of the 512 MB quota).",
            "Run fewer processes per dyno: set WEB_CONCURRENCY=1 (it is 5).",
            List.of("app.memory per process (5 pids)", "heroku memory of the dyno"),
            Map.of("processes", 5L, "one_process_estimate_mb", 407.0),
            List.of("memory_growth (medium)"));

    static final Instant STARTED = Instant.parse("2025-03-04T10:15:30.250Z");

    private SampleAlerts() {}

    static Alert r14Firing() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("memory_total_mb", 612.4);
        figures.put("memory_quota_mb", 512L);
        figures.put("quota_pct", 119.6);
        Alert.Context context = new Alert.Context(
                List.of(
                        new Alert.MemorySample(STARTED.minusSeconds(40), "heroku", 498.1, 512.0, 97.3),
                        new Alert.MemorySample(STARTED.minusSeconds(20), "app", 530.0, 512.0, 103.5),
                        new Alert.MemorySample(STARTED, "heroku", 612.4, 512.0, 119.6)),
                List.of(new Alert.PathStat("/api/notes", 1840, 45.5, 310), new Alert.PathStat("/health", 120, 2, 9)),
                List.of(new Alert.PathStat("/reports/export", 12, 8700, 29_950)));
        return new Alert(
                "r14",
                "r14",
                "warning",
                Alert.FIRING,
                "notes-prod",
                "web.1",
                STARTED,
                STARTED.plusSeconds(2),
                "web.1 of notes-prod exceeded its memory quota (612.4 MB of 512 MB, R14)",
                figures,
                context,
                "Fewer workers or threads per dyno (WEB_CONCURRENCY), drop unused heavy dependencies, or a larger dyno.",
                DIAGNOSIS);
    }

    static Alert r14Resolved() {
        Alert firing = r14Firing();
        return new Alert(
                firing.rule(),
                firing.type(),
                firing.severity(),
                Alert.RESOLVED,
                firing.app(),
                firing.dyno(),
                firing.startedAt(),
                STARTED.plusSeconds(600),
                "web.1 of notes-prod is back under its memory quota",
                Map.of("memory_total_mb", 402.0),
                Alert.Context.EMPTY,
                firing.remediation(),
                null);
    }

    static Alert r15Critical() {
        return new Alert(
                "r15",
                "r15",
                "critical",
                Alert.FIRING,
                "notes-prod",
                "worker.2",
                STARTED,
                STARTED.plusSeconds(1),
                "worker.2 of notes-prod is being killed for memory (R15)",
                Map.of("memory_total_mb", 1100.0),
                Alert.Context.EMPTY,
                "A larger dyno.",
                null);
    }

    /** A distinct firing alert: another dyno, so another id. */
    static Alert firingOn(String dyno) {
        Alert a = r14Firing();
        return new Alert(
                a.rule(),
                a.type(),
                a.severity(),
                a.state(),
                a.app(),
                dyno,
                a.startedAt(),
                a.at(),
                a.summary(),
                a.figures(),
                a.context(),
                a.remediation(),
                a.diagnosis());
    }
}

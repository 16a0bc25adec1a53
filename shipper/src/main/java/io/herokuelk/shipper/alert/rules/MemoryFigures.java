package io.herokuelk.shipper.alert.rules;

import io.herokuelk.shipper.alert.diagnosis.Figures;
import io.herokuelk.shipper.alert.model.Observation;
import java.time.Duration;
import java.time.Instant;

/** The memory figures R14 and R15 alerts quote: the {@code Process running} line and the latest runtime metrics. */
final class MemoryFigures {

    /** A {@code Process running} line further than this from the error describes another moment. */
    private static final Duration NEAR = Duration.ofMinutes(1);

    private MemoryFigures() {}

    static Observation nearestProcessLine(DynoHistory history, Group group, Instant at) {
        DynoHistory.Dyno dyno = history.dyno(group);
        Observation line = dyno == null ? null : dyno.lastProcessLine();
        return line != null
                        && at != null
                        && Duration.between(line.timestamp(), at).abs().compareTo(NEAR) <= 0
                ? line
                : null;
    }

    static Figures of(DynoHistory history, Group group, Observation processLine) {
        Figures figures = new Figures();
        if (processLine != null) {
            figures.put("memory_mb", processLine.processMb()).put("memory_quota_pct", processLine.quotaPct());
        }
        DynoHistory.Dyno dyno = history.dyno(group);
        Observation metrics = dyno == null ? null : dyno.lastRuntimeMetrics();
        if (metrics != null) {
            figures.put("rss_mb", metrics.rssMb())
                    .put("swap_mb", metrics.swapMb())
                    .put("total_mb", metrics.totalMb())
                    .put("quota_mb", metrics.quotaMb())
                    .put("quota_pct", metrics.quotaPct())
                    .put("metrics_at", metrics.timestamp());
        }
        return figures;
    }
}

package io.herokuelk.shipper.alert.diagnosis;

import io.herokuelk.shipper.alert.model.Diagnosis;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JVM sizes itself from the host, not the dyno: a heap ceiling (per process, times the processes) above the
 * quota, heap committed far above what is used, hundreds of threads. Needs the app's heap figures.
 */
final class RuntimeSizedForHost implements Check {

    /** Committed heap this far above used, and at least twice it, is held for nothing. */
    static final double SLACK_MB = 64;

    static final int MANY_THREADS = 200;

    @Override
    public Optional<Finding> check(Situation s) {
        List<DynoTimeline.ProcessSample> samples = s.lastSamples();
        if (samples.isEmpty()) {
            return Optional.empty();
        }
        double ceilingTotal = 0;
        double ceilingEach = 0;
        boolean ceilingKnown = true;
        double committed = 0;
        double used = 0;
        int threads = 0;
        for (int i = 0; i < samples.size(); i++) {
            DynoTimeline.ProcessSample sample = samples.get(i);
            Double max = sample.heapMaxMb() != null
                    ? sample.heapMaxMb()
                    : s.live().get(i).startHeapMaxMb();
            if (max == null || max <= 0) {
                ceilingKnown = false;
            } else {
                ceilingTotal += max;
                ceilingEach = Math.max(ceilingEach, max);
            }
            committed += sample.heapCommittedMb() == null ? 0 : sample.heapCommittedMb();
            used += sample.heapUsedMb() == null ? 0 : sample.heapUsedMb();
            threads = Math.max(threads, sample.threads() == null ? 0 : sample.threads());
        }
        int n = samples.size();
        List<String> shows = new ArrayList<>();
        double score = 0;
        if (ceilingKnown && s.quotaMb() != null && ceilingTotal > s.quotaMb()) {
            score += 0.45;
            shows.add("a heap ceiling of " + Mb.text(ceilingEach)
                    + (n > 1 ? " x " + n + " processes = " + Mb.text(ceilingTotal) : "") + ", above the "
                    + Mb.text(s.quotaMb()) + " quota");
        }
        if (committed - used >= SLACK_MB * n && committed >= 2 * used) {
            score += 0.3;
            shows.add("heap committed " + Mb.text(committed) + " while " + Mb.text(used) + " is used"
                    + (n > 1 ? " (all processes)" : ""));
        }
        if (threads >= MANY_THREADS) {
            score += 0.15;
            shows.add(threads + " threads in one process");
        }
        if (shows.isEmpty()) {
            return Optional.empty();
        }
        double budget = s.quotaMb() == null ? Double.NaN : s.quotaMb() * 0.6 / n;
        long suggested =
                Math.round(Math.max(64, Math.min(Double.isNaN(budget) ? Double.MAX_VALUE : budget, 2 * used / n)) / 16)
                        * 16;
        String summary = "The JVM sizes itself from the host, not the dyno: " + String.join("; ", shows) + ".";
        String action = "Cap the JVM for the dyno: -Xmx" + suggested + "m (the heap used is " + Mb.text(used / n)
                + (n > 1 ? " per process" : "") + "), -Xss512k, -XX:MaxMetaspaceSize=128m, -XX:+UseSerialGC, or the"
                + " flags of the app's Procfile.";
        Figures figures = new Figures()
                .put("heap_max_mb", ceilingKnown ? ceilingEach : null)
                .put("heap_max_total_mb", ceilingKnown ? ceilingTotal : null)
                .put("heap_committed_mb", committed)
                .put("heap_used_mb", used)
                .put("threads", (long) threads)
                .put("processes", (long) n)
                .put("quota_mb", s.quotaMb())
                .put("suggested_xmx_mb", suggested);
        return Optional.of(new Finding(
                Diagnosis.RUNTIME_SIZED_FOR_HOST,
                Math.min(score, 0.9),
                summary,
                action,
                List.of("app.memory heap and threads"),
                figures.build()));
    }
}

package io.herokuelk.shipper.alert.diagnosis;

import io.herokuelk.shipper.alert.model.Diagnosis;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Several app processes share the dyno, each holding its own copy of the app: the incident's first cause (Gunicorn's
 * default of 2 x cores + 1 workers). Needs the app's memory events per process ({@code process.pid}); the one-process
 * estimate keeps the largest process and what the dyno holds outside the app's processes.
 */
final class TooManyProcesses implements Check {

    @Override
    public Optional<Finding> check(Situation s) {
        List<DynoTimeline.ProcessSample> samples = s.lastSamples();
        if (samples.size() < 2) {
            return Optional.empty();
        }
        double min = Double.MAX_VALUE;
        double max = 0;
        double total = 0;
        for (DynoTimeline.ProcessSample sample : samples) {
            min = Math.min(min, sample.rssMb());
            max = Math.max(max, sample.rssMb());
            total += sample.rssMb();
        }
        double dyno = s.memoryMb() != null ? Math.max(s.memoryMb(), 0) : total;
        // Each process's RSS counts the pages it shares with the others, so together they may exceed the dyno:
        // then the largest keeps its share of the dyno; else it keeps what the dyno holds outside the processes.
        boolean overlapping = total > dyno;
        double onlyOne = overlapping ? max * dyno / total : max + (dyno - total);
        Integer concurrency = s.live().stream()
                .map(DynoTimeline.ProcessTrack::concurrency)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        double score = 0.6;
        if (total >= 0.6 * dyno) {
            score += 0.1;
        }
        score += Math.min(0.15, 0.05 * (samples.size() - 2)); // every process more multiplies the footprint
        if (s.quotaMb() != null) {
            if (onlyOne <= 0.9 * s.quotaMb() && dyno >= 0.9 * s.quotaMb()) {
                score += 0.25; // one process would end the trouble
            } else if (onlyOne > s.quotaMb()) {
                score = 0.5; // fewer processes help, but one alone is still over: another cause too
            }
        }
        int n = samples.size();
        String together = s.memoryMb() == null
                ? "total " + Mb.text(total)
                : overlapping
                        ? Mb.text(total) + " together as each counts its shared pages; the dyno measures "
                                + Mb.text(dyno)
                        : "total " + Mb.text(total) + " of the dyno's " + Mb.text(dyno);
        String summary = s.dyno() + " runs " + n + " app processes holding " + Math.round(min) + "-" + Math.round(max)
                + " MB each (" + together + "); with 1 process the dyno would hold about " + Mb.text(onlyOne)
                + s.percentOfQuota(onlyOne) + ".";
        String action = "Run fewer processes per dyno: set WEB_CONCURRENCY=1"
                + (concurrency == null ? "" : " (it is " + concurrency + ")")
                + " or lower the worker count, or use fewer threads in one process;"
                + " each process loads its own copy of the app.";
        List<String> signals = new ArrayList<>(List.of("app.memory per process (" + n + " pids)"));
        if (s.memoryMb() != null) {
            signals.add("heroku memory of the dyno");
        }
        Figures figures = new Figures()
                .put("processes", (long) n)
                .put("process_rss_min_mb", min)
                .put("process_rss_max_mb", max)
                .put("processes_rss_total_mb", total)
                .put("dyno_mb", dyno)
                .put("quota_mb", s.quotaMb())
                .put("one_process_estimate_mb", onlyOne)
                .put("web_concurrency", concurrency == null ? null : (long) concurrency);
        return Optional.of(new Finding(
                Diagnosis.TOO_MANY_PROCESSES, Math.min(score, 0.95), summary, action, signals, figures.build()));
    }
}

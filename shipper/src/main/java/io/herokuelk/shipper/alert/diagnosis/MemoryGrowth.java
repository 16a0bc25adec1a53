package io.herokuelk.shipper.alert.diagnosis;

import io.herokuelk.shipper.alert.model.Diagnosis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Memory rising steadily since the start: a leak or an unbounded cache. Fits a line through Heroku's samples of the
 * running instance (else the app's only process); the heap's own trend says whether the heap or native memory grows,
 * the router's requests whether it grows with traffic, and the instance before the last restart whether it grew the
 * same way.
 */
final class MemoryGrowth implements Check {

    static final int MIN_SAMPLES = 6;
    static final Duration MIN_SPAN = Duration.ofMinutes(3);
    static final double MIN_R_SQUARED = 0.8;
    static final double MIN_MB_PER_MINUTE = 0.5;
    private static final Duration WITHOUT_START = Duration.ofHours(1);

    /** A line through memory samples and what it spans. */
    record Trend(LinearTrend line, int samples, Instant from, Instant to, double firstMb, double lastMb) {
        double minutes() {
            return Duration.between(from, to).toMillis() / 60_000.0;
        }
    }

    @Override
    public Optional<Finding> check(Situation s) {
        Instant from = s.startedAt() != null ? s.startedAt() : s.at().minus(WITHOUT_START);
        List<String> signals = new ArrayList<>();
        Trend trend = heroku(s.timeline().heroku(from, s.at()));
        if (trend != null) {
            signals.add("heroku memory since the start");
        } else if (s.live().size() == 1) {
            trend = process(s.live().getFirst(), from, s.at());
            if (trend != null) {
                signals.add("app.memory of its only process");
            }
        }
        if (trend == null
                || trend.samples() < MIN_SAMPLES
                || Duration.between(trend.from(), trend.to()).compareTo(MIN_SPAN) < 0
                || trend.line().rSquared() < MIN_R_SQUARED
                || trend.line().slope() < MIN_MB_PER_MINUTE) {
            return Optional.empty();
        }
        double slope = trend.line().slope();
        double score = 0.5 + 0.2 * (trend.line().rSquared() - MIN_R_SQUARED) / (1 - MIN_R_SQUARED);
        Figures figures = new Figures()
                .put("growth_mb_per_min", slope)
                .put("r_squared", trend.line().rSquared())
                .put("from_mb", trend.firstMb())
                .put("to_mb", trend.lastMb())
                .put("minutes", trend.minutes())
                .put("samples", (long) trend.samples());
        StringBuilder summary = new StringBuilder("Memory grew from " + Mb.text(trend.firstMb()) + " to "
                + Mb.text(trend.lastMb()) + " over " + Math.round(trend.minutes()) + " min (" + Mb.rate(slope)
                + ", R\u00b2 " + Mb.decimal(trend.line().rSquared()) + ")");
        if (s.timeline().seesTraffic()) {
            long requests = s.timeline().requests(trend.from(), trend.to());
            signals.add("router traffic");
            figures.put("requests", requests);
            if (requests == 0) {
                summary.append(" without a request served: background work, a cache filling or a leak");
            } else {
                double perThousand = (trend.lastMb() - trend.firstMb()) * 1000 / requests;
                figures.put("mb_per_1000_requests", perThousand);
                summary.append(" while serving ")
                        .append(requests)
                        .append(" requests (")
                        .append(Mb.decimal(perThousand))
                        .append(" MB per 1,000)");
            }
        }
        String heap = heapVerdict(s, trend, figures);
        if (heap != null) {
            signals.add("app.memory heap");
            summary.append("; ").append(heap);
            score += 0.05;
        }
        Trend before = previousInstance(s);
        if (before != null
                && before.line().rSquared() >= 0.7
                && before.line().slope() >= slope / 2
                && before.line().slope() <= slope * 2) {
            summary.append("; the dyno before the last restart grew the same way (")
                    .append(Mb.rate(before.line().slope()))
                    .append(")");
            figures.put("previous_growth_mb_per_min", before.line().slope());
            signals.add("the previous dyno instance");
            score += 0.15;
        }
        summary.append('.');
        String action = heap != null && heap.startsWith("native")
                ? "Native memory grows, not the heap: bound threads and direct buffers (-XX:MaxDirectMemorySize),"
                        + " set MALLOC_ARENA_MAX=2, and look for native libraries that allocate; a restart only buys time."
                : "Look for a leak or an unbounded cache: a heap dump at the dyno (heroku ps:exec, then jcmd <pid>"
                        + " GC.heap_dump) shows what holds the memory; bound the caches. A restart only buys time.";
        return Optional.of(new Finding(
                Diagnosis.MEMORY_GROWTH, Math.min(score, 0.9), summary.toString(), action, signals, figures.build()));
    }

    /** Whether the heap grows with the memory, or the memory grows outside it. */
    private static String heapVerdict(Situation s, Trend trend, Figures figures) {
        if (s.live().size() != 1) {
            return null;
        }
        List<DynoTimeline.ProcessSample> samples = new ArrayList<>();
        for (DynoTimeline.ProcessSample sample : s.live().getFirst().samples()) {
            if (!sample.at().isBefore(trend.from())
                    && !sample.at().isAfter(trend.to())
                    && sample.heapUsedMb() != null) {
                samples.add(sample);
            }
        }
        if (samples.size() < MIN_SAMPLES) {
            return null;
        }
        Trend heapTrend = fit(samples, DynoTimeline.ProcessSample::at, DynoTimeline.ProcessSample::heapUsedMb);
        if (heapTrend == null) {
            return null;
        }
        LinearTrend heap = heapTrend.line();
        figures.put("heap_growth_mb_per_min", heap.slope());
        double slope = trend.line().slope();
        if (heap.slope() >= 0.5 * slope) {
            return "the heap grew as fast (" + Mb.rate(heap.slope()) + "): a leak or an unbounded cache in the heap";
        }
        if (heap.slope() <= 0.2 * slope) {
            return "native memory grew while the heap stayed flat (" + Mb.rate(heap.slope()) + ")";
        }
        return null;
    }

    private static Trend previousInstance(Situation s) {
        if (s.start() == null) {
            return null;
        }
        DynoTimeline.Start previous = s.timeline().startBefore(s.start());
        return previous == null
                ? null
                : heroku(s.timeline().heroku(previous.at(), s.start().at()));
    }

    static Trend heroku(List<DynoTimeline.HerokuSample> samples) {
        return fit(samples, DynoTimeline.HerokuSample::at, DynoTimeline.HerokuSample::usedMb);
    }

    private static Trend process(DynoTimeline.ProcessTrack track, Instant from, Instant to) {
        List<DynoTimeline.ProcessSample> samples = new ArrayList<>();
        for (DynoTimeline.ProcessSample sample : track.samples()) {
            if (!sample.at().isBefore(from) && !sample.at().isAfter(to)) {
                samples.add(sample);
            }
        }
        return fit(samples, DynoTimeline.ProcessSample::at, DynoTimeline.ProcessSample::rssMb);
    }

    /** A line through samples, minutes from the first one against megabytes; null with fewer than two. */
    private static <T> Trend fit(List<T> samples, Function<T, Instant> at, ToDoubleFunction<T> mb) {
        if (samples.size() < 2) {
            return null;
        }
        Instant first = at.apply(samples.getFirst());
        double[] x = new double[samples.size()];
        double[] y = new double[samples.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = Duration.between(first, at.apply(samples.get(i))).toMillis() / 60_000.0;
            y[i] = mb.applyAsDouble(samples.get(i));
        }
        LinearTrend line = LinearTrend.fit(x, y);
        return line == null
                ? null
                : new Trend(line, x.length, first, at.apply(samples.getLast()), y[0], y[y.length - 1]);
    }
}

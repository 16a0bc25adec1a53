package io.herokuelk.shipper.alert.diagnosis;

import io.herokuelk.shipper.alert.model.Diagnosis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Names the cause of a dyno's memory from the figures, as the memory guide did by hand: too many processes for the
 * dyno, a runtime sized for a bigger machine, a heavy start, growth (a leak or an unbounded cache). Every check that
 * the data supports gives a finding; the strongest is the diagnosis and the others are listed beside it. When none
 * holds, the diagnosis says so and what data is missing, never a cause the data does not show.
 */
public final class Diagnostician {

    /** In the order that breaks ties: the cause that most often explains the others comes first. */
    private static final List<Check> CHECKS =
            List.of(new TooManyProcesses(), new RuntimeSizedForHost(), new HeavyAtStart(), new MemoryGrowth());

    private Diagnostician() {}

    /**
     * @param dyno     the dyno ({@code web.1})
     * @param timeline what is known of it
     * @param release  the app's last release before {@code at}, or null
     * @param at       the moment to diagnose
     */
    public static Diagnosis diagnose(String dyno, DynoTimeline timeline, Releases.Release release, Instant at) {
        Situation situation = Situation.of(dyno, timeline, release, at);
        List<Finding> findings = new ArrayList<>();
        for (Check check : CHECKS) {
            check.check(situation).ifPresent(findings::add);
        }
        if (findings.isEmpty()) {
            return undetermined(situation);
        }
        Finding best = findings.stream()
                .max(Comparator.comparingDouble(Finding::score))
                .orElseThrow();
        List<String> others = findings.stream()
                .filter(f -> f != best)
                .map(f -> f.cause() + " (" + f.confidence() + ")")
                .toList();
        List<String> signals = new ArrayList<>(best.signals());
        Figures figures = new Figures();
        best.figures().forEach(figures::put);
        context(situation, signals, figures);
        return new Diagnosis(
                best.cause(), best.confidence(), best.summary(), best.action(), signals, figures.build(), others);
    }

    /** What every diagnosis adds: swap in use, and how long after the last release the trouble came. */
    private static void context(Situation s, List<String> signals, Figures figures) {
        DynoTimeline.HerokuSample last = s.timeline().lastHeroku(s.at());
        if (last != null && last.swapMb() != null && last.swapMb() > 0) {
            figures.put("swap_mb", last.swapMb());
        }
        if (s.release() != null && !s.release().at().isBefore(s.at().minus(Duration.ofHours(6)))) {
            figures.put("release", s.release().version());
            figures.put(
                    "minutes_since_release",
                    (double) Duration.between(s.release().at(), s.at()).toSeconds() / 60);
            if (!signals.contains("release " + s.release().version())) {
                signals.add("release " + s.release().version());
            }
        }
    }

    private static Diagnosis undetermined(Situation s) {
        List<String> missing = new ArrayList<>();
        List<String> signals = new ArrayList<>();
        if (s.timeline().heroku(s.at().minus(Duration.ofHours(1)), s.at()).isEmpty()) {
            missing.add("no runtime metrics (heroku labs:enable log-runtime-metrics, then restart)");
        } else {
            signals.add("heroku memory");
        }
        if (s.live().isEmpty()) {
            missing.add("no memory events of the app's own processes");
        } else {
            signals.add("app.memory per process");
        }
        if (s.startedAt() == null) {
            missing.add("no start of the dyno seen");
        }
        String summary = "The figures point to no single cause"
                + (missing.isEmpty()
                        ? ": memory is high without growing steadily, without several processes, an"
                                + " oversized runtime or a heavy start."
                        : "; missing: " + String.join("; ", missing) + ".");
        Figures figures = new Figures().put("dyno_mb", s.memoryMb()).put("quota_mb", s.quotaMb());
        return new Diagnosis(
                Diagnosis.UNDETERMINED,
                "low",
                summary,
                "Lower the memory one dyno needs: fewer"
                        + " processes or threads, a runtime capped for the dyno, dependencies loaded only when used; or a"
                        + " larger dyno.",
                signals,
                figures.build(),
                List.of());
    }
}

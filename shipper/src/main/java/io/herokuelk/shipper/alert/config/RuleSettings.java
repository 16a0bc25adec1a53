package io.herokuelk.shipper.alert.config;

import java.time.Duration;
import java.util.List;

/** The options of one rule type: one record per type, with the defaults that apply when the file says nothing. */
public sealed interface RuleSettings {

    /**
     * @param clearAfter resolved once the dyno has had no R14 for this long and its memory is back under quota
     */
    record R14(Duration clearAfter) implements RuleSettings {
        public static final R14 DEFAULTS = new R14(Duration.ofMinutes(3));
    }

    /**
     * @param clearAfter resolved when the dyno restarts, or failing that after this long without an R15
     */
    record R15(Duration clearAfter) implements RuleSettings {
        public static final R15 DEFAULTS = new R15(Duration.ofMinutes(30));
    }

    /**
     * @param thresholdPct  memory as a percentage of the quota (or of the app's limit) that counts as pressure
     * @param sustain       every sample for this long at or above the threshold
     * @param hysteresisPct resolved only when a sample falls this many points below the threshold
     */
    record MemoryPressure(double thresholdPct, Duration sustain, double hysteresisPct) implements RuleSettings {
        public static final MemoryPressure DEFAULTS = new MemoryPressure(90, Duration.ofMinutes(2), 5);
    }

    /**
     * @param window       the samples the trend is fitted on
     * @param horizon      warn when the trend reaches 100% of the quota within this long
     * @param minSamples   fewer samples than this in the window: no prediction
     * @param minSpan      samples spanning less than this: no prediction
     * @param minRSquared  a fit worse than this (0..1) is noise, not a trend
     */
    record Predictive(Duration window, Duration horizon, int minSamples, Duration minSpan, double minRSquared)
            implements RuleSettings {
        public static final Predictive DEFAULTS = new Predictive(
                Duration.ofMinutes(10), Duration.ofMinutes(15), 6, Duration.ofMinutes(5), 0.8);
    }

    /**
     * @param window      sliding window the requests and errors are counted in
     * @param minCount    at least this many H-code errors in the window
     * @param minErrorPct and at least this percentage of the group's requests
     * @param groupBy     {@code dyno} (the serving dyno; errors without one count for the app) or {@code app}
     * @param ignoreCodes codes that are not the app's fault (client gone, maintenance mode)
     */
    record RouterErrors(Duration window, int minCount, double minErrorPct, String groupBy, List<String> ignoreCodes)
            implements RuleSettings {
        public static final String BY_DYNO = "dyno";
        public static final String BY_APP = "app";
        public static final RouterErrors DEFAULTS = new RouterErrors(
                Duration.ofMinutes(5), 10, 5, BY_DYNO, List.of("H27", "H80", "H81", "H82"));

        public RouterErrors {
            ignoreCodes = List.copyOf(ignoreCodes);
        }
    }

    /**
     * @param clearAfter resolved after this long without an L10
     */
    record DrainLoss(Duration clearAfter) implements RuleSettings {
        public static final DrainLoss DEFAULTS = new DrainLoss(Duration.ofMinutes(10));
    }

    /**
     * @param window no event from an app it has seen before for this long (processing time)
     */
    record Silence(Duration window) implements RuleSettings {
        public static final Silence DEFAULTS = new Silence(Duration.ofMinutes(10));
    }
}

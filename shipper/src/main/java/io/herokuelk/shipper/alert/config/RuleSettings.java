package io.herokuelk.shipper.alert.config;

import java.time.Duration;
import java.util.List;

/**
 * The options of one rule type: one record per type, with the defaults that apply when the file says nothing and
 * the reading of its keys with their ranges. The same reading serves a rule (defaults: the type's) and its per-app
 * overrides (defaults: the rule's).
 */
public sealed interface RuleSettings {

    /** Percentages above 100 are meaningful (R15 at 200%); beyond this they are typos. */
    double MAX_PCT = 1000;

    /**
     * @param clearAfter resolved once the dyno has had no R14 for this long and its memory is back under quota
     */
    record R14(Duration clearAfter) implements RuleSettings {
        public static final R14 DEFAULTS = new R14(Duration.ofMinutes(3));

        public static R14 read(YamlMapping yaml, R14 defaults) {
            return new R14(yaml.duration("clear_after", defaults.clearAfter()));
        }
    }

    /**
     * @param clearAfter resolved when the dyno restarts, or failing that after this long without an R15
     */
    record R15(Duration clearAfter) implements RuleSettings {
        public static final R15 DEFAULTS = new R15(Duration.ofMinutes(30));

        public static R15 read(YamlMapping yaml, R15 defaults) {
            return new R15(yaml.duration("clear_after", defaults.clearAfter()));
        }
    }

    /**
     * @param thresholdPct  memory as a percentage of the quota (or of the app's limit) that counts as pressure
     * @param sustain       every sample for this long at or above the threshold
     * @param hysteresisPct resolved only when a sample falls this many points below the threshold
     */
    record MemoryPressure(double thresholdPct, Duration sustain, double hysteresisPct) implements RuleSettings {
        public static final MemoryPressure DEFAULTS = new MemoryPressure(90, Duration.ofMinutes(2), 5);

        public static MemoryPressure read(YamlMapping yaml, MemoryPressure defaults) {
            double threshold = yaml.number("threshold_pct", defaults.thresholdPct(), 1, MAX_PCT);
            Duration sustain = yaml.duration("sustain", defaults.sustain());
            double hysteresis = yaml.number("hysteresis_pct", defaults.hysteresisPct(), 0, 100);
            if (hysteresis >= threshold) {
                yaml.problem(
                        "hysteresis_pct",
                        "'hysteresis_pct' in " + yaml.where() + " must be below 'threshold_pct' (" + hysteresis + " >= "
                                + threshold + ")");
            }
            return new MemoryPressure(threshold, sustain, hysteresis);
        }
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
        public static final Predictive DEFAULTS =
                new Predictive(Duration.ofMinutes(10), Duration.ofMinutes(15), 6, Duration.ofMinutes(5), 0.8);

        public static Predictive read(YamlMapping yaml, Predictive defaults) {
            Duration window = yaml.duration("window", defaults.window());
            Duration horizon = yaml.duration("horizon", defaults.horizon());
            int minSamples = yaml.integer("min_samples", defaults.minSamples(), 3, 10_000);
            Duration minSpan = yaml.duration("min_span", defaults.minSpan());
            double minRSquared = yaml.number("min_r_squared", defaults.minRSquared(), 0, 1);
            if (minSpan.compareTo(window) > 0) {
                yaml.problem(
                        "min_span",
                        "'min_span' in " + yaml.where() + " (" + Durations.format(minSpan)
                                + ") is longer than 'window' (" + Durations.format(window) + ")");
            }
            return new Predictive(window, horizon, minSamples, minSpan, minRSquared);
        }
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
        public static final RouterErrors DEFAULTS =
                new RouterErrors(Duration.ofMinutes(5), 10, 5, BY_DYNO, List.of("H27", "H80", "H81", "H82"));

        public RouterErrors {
            ignoreCodes = List.copyOf(ignoreCodes);
        }

        public static RouterErrors read(YamlMapping yaml, RouterErrors defaults) {
            Duration window = yaml.duration("window", defaults.window());
            int minCount = yaml.integer("min_count", defaults.minCount(), 1, 1_000_000);
            double minErrorPct = yaml.number("min_error_pct", defaults.minErrorPct(), 0, 100);
            String groupBy = yaml.string("group_by", defaults.groupBy());
            if (!groupBy.equals(BY_DYNO) && !groupBy.equals(BY_APP)) {
                yaml.problem(
                        "group_by", "'group_by' in " + yaml.where() + " must be dyno or app, not '" + groupBy + "'");
                groupBy = defaults.groupBy();
            }
            List<String> ignoreCodes = yaml.strings("ignore_codes", defaults.ignoreCodes());
            for (String code : ignoreCodes) {
                if (!code.matches("H\\d\\d")) {
                    yaml.problem(
                            "ignore_codes",
                            "'ignore_codes' in " + yaml.where() + " lists '" + code
                                    + "', which is not a router code like H27");
                }
            }
            return new RouterErrors(window, minCount, minErrorPct, groupBy, ignoreCodes);
        }
    }

    /**
     * @param clearAfter resolved after this long without an L10
     */
    record DrainLoss(Duration clearAfter) implements RuleSettings {
        public static final DrainLoss DEFAULTS = new DrainLoss(Duration.ofMinutes(10));

        public static DrainLoss read(YamlMapping yaml, DrainLoss defaults) {
            return new DrainLoss(yaml.duration("clear_after", defaults.clearAfter()));
        }
    }

    /**
     * @param window no event from an app it has seen before for this long (processing time)
     */
    record Silence(Duration window) implements RuleSettings {
        public static final Silence DEFAULTS = new Silence(Duration.ofMinutes(10));

        public static Silence read(YamlMapping yaml, Silence defaults) {
            return new Silence(yaml.duration("window", defaults.window()));
        }
    }
}

package io.herokuelk.shipper.alert.config;

import java.time.Duration;
import java.util.List;

/**
 * The whole rules file.
 *
 * @param context what every alert carries besides its figures
 * @param limits  bounds on the evaluator's memory
 * @param rules   the rules, in file order
 */
public record RulesConfig(Context context, Limits limits, List<RuleConfig> rules) {

    public RulesConfig {
        rules = List.copyOf(rules);
    }

    /**
     * @param memorySamples the last this many memory samples of the dyno
     * @param pathsWindow   busiest and slowest paths over this long before the alert
     * @param topPaths      how many paths in each list
     */
    public record Context(int memorySamples, Duration pathsWindow, int topPaths) {
        public static final Context DEFAULTS = new Context(10, Duration.ofMinutes(5), 5);
    }

    /**
     * @param maxDynos            dynos (and apps) whose state is kept; the least recently seen are forgotten first
     * @param maxRequestsPerDyno  recent requests kept per dyno for the path context
     */
    public record Limits(int maxDynos, int maxRequestsPerDyno) {
        public static final Limits DEFAULTS = new Limits(5000, 2000);
    }

    /** The cooldown and re-alert interval of rules that set none. */
    public static final Duration DEFAULT_COOLDOWN = Duration.ofMinutes(10);

    public static final Duration DEFAULT_REALERT = Duration.ofMinutes(60);
}

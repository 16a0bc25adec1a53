package io.herokuelk.shipper.alert.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The options each rule type accepts: one branch per type, reading its keys with their ranges. The same branch reads
 * a rule (defaults: the type's) and its per-app overrides (defaults: the rule's).
 */
public final class RuleSchema {

    private interface Branch {
        RuleSettings read(YamlMapping yaml, RuleSettings defaults);
    }

    private record Type(RuleSettings defaults, boolean perDyno, Branch branch) {
    }

    private static final double MAX_PCT = 1000;
    private static final Map<String, Type> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("r14", new Type(RuleSettings.R14.DEFAULTS, true, (yaml, d) ->
                new RuleSettings.R14(yaml.duration("clear_after", ((RuleSettings.R14) d).clearAfter()))));
        TYPES.put("r15", new Type(RuleSettings.R15.DEFAULTS, true, (yaml, d) ->
                new RuleSettings.R15(yaml.duration("clear_after", ((RuleSettings.R15) d).clearAfter()))));
        TYPES.put("memory_pressure", new Type(RuleSettings.MemoryPressure.DEFAULTS, true, RuleSchema::memoryPressure));
        TYPES.put("predictive", new Type(RuleSettings.Predictive.DEFAULTS, true, RuleSchema::predictive));
        TYPES.put("router_errors", new Type(RuleSettings.RouterErrors.DEFAULTS, true, RuleSchema::routerErrors));
        TYPES.put("drain_loss", new Type(RuleSettings.DrainLoss.DEFAULTS, false, (yaml, d) ->
                new RuleSettings.DrainLoss(yaml.duration("clear_after", ((RuleSettings.DrainLoss) d).clearAfter()))));
        TYPES.put("silence", new Type(RuleSettings.Silence.DEFAULTS, false, (yaml, d) ->
                new RuleSettings.Silence(yaml.duration("window", ((RuleSettings.Silence) d).window()))));
    }

    private RuleSchema() {
    }

    public static Set<String> types() {
        return TYPES.keySet();
    }

    public static boolean isType(String type) {
        return TYPES.containsKey(type);
    }

    /** Whether the type watches single dynos (so {@code dynos:} scoping means something). */
    public static boolean perDyno(String type) {
        return TYPES.get(type).perDyno();
    }

    public static RuleSettings defaults(String type) {
        return TYPES.get(type).defaults();
    }

    static RuleSettings read(String type, YamlMapping yaml, RuleSettings defaults) {
        return TYPES.get(type).branch().read(yaml, defaults);
    }

    private static RuleSettings memoryPressure(YamlMapping yaml, RuleSettings defaults) {
        RuleSettings.MemoryPressure d = (RuleSettings.MemoryPressure) defaults;
        double threshold = yaml.number("threshold_pct", d.thresholdPct(), 1, MAX_PCT);
        Duration sustain = yaml.duration("sustain", d.sustain());
        double hysteresis = yaml.number("hysteresis_pct", d.hysteresisPct(), 0, 100);
        if (hysteresis >= threshold) {
            yaml.problems().add(yaml.lineOf("hysteresis_pct"), "'hysteresis_pct' in " + yaml.where()
                    + " must be below 'threshold_pct' (" + hysteresis + " >= " + threshold + ")");
        }
        return new RuleSettings.MemoryPressure(threshold, sustain, hysteresis);
    }

    private static RuleSettings predictive(YamlMapping yaml, RuleSettings defaults) {
        RuleSettings.Predictive d = (RuleSettings.Predictive) defaults;
        Duration window = yaml.duration("window", d.window());
        Duration horizon = yaml.duration("horizon", d.horizon());
        int minSamples = yaml.integer("min_samples", d.minSamples(), 3, 10_000);
        Duration minSpan = yaml.duration("min_span", d.minSpan());
        double minRSquared = yaml.number("min_r_squared", d.minRSquared(), 0, 1);
        if (minSpan.compareTo(window) > 0) {
            yaml.problems().add(yaml.lineOf("min_span"), "'min_span' in " + yaml.where() + " ("
                    + Durations.format(minSpan) + ") is longer than 'window' (" + Durations.format(window) + ")");
        }
        return new RuleSettings.Predictive(window, horizon, minSamples, minSpan, minRSquared);
    }

    private static RuleSettings routerErrors(YamlMapping yaml, RuleSettings defaults) {
        RuleSettings.RouterErrors d = (RuleSettings.RouterErrors) defaults;
        Duration window = yaml.duration("window", d.window());
        int minCount = yaml.integer("min_count", d.minCount(), 1, 1_000_000);
        double minErrorPct = yaml.number("min_error_pct", d.minErrorPct(), 0, 100);
        String groupBy = yaml.string("group_by", d.groupBy());
        if (!groupBy.equals(RuleSettings.RouterErrors.BY_DYNO) && !groupBy.equals(RuleSettings.RouterErrors.BY_APP)) {
            yaml.problems().add(yaml.node("group_by"), "'group_by' in " + yaml.where() + " must be dyno or app, not '"
                    + groupBy + "'");
            groupBy = d.groupBy();
        }
        var ignoreCodes = yaml.strings("ignore_codes", d.ignoreCodes());
        for (String code : ignoreCodes) {
            if (!code.matches("H\\d\\d")) {
                yaml.problems().add(yaml.node("ignore_codes"), "'ignore_codes' in " + yaml.where()
                        + " lists '" + code + "', which is not a router code like H27");
            }
        }
        return new RuleSettings.RouterErrors(window, minCount, minErrorPct, groupBy, ignoreCodes);
    }
}

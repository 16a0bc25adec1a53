package io.herokuelk.shipper.alert.rules;

import static io.herokuelk.shipper.alert.config.RuleConfig.CRITICAL;
import static io.herokuelk.shipper.alert.config.RuleConfig.WARNING;
import static io.herokuelk.shipper.alert.rules.RuleType.Reach.APP;
import static io.herokuelk.shipper.alert.rules.RuleType.Reach.APP_AT_ONCE;
import static io.herokuelk.shipper.alert.rules.RuleType.Reach.DYNO;

import io.herokuelk.shipper.alert.config.RuleConfig;
import io.herokuelk.shipper.alert.config.RuleOptions;
import io.herokuelk.shipper.alert.config.RuleSettings;
import io.herokuelk.shipper.alert.config.RulesFileLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry of rule types, one entry each: a type is added here, with its settings record in
 * {@link RuleSettings} and its {@link Rule}.
 */
public final class RuleTypes {

    private static final List<RuleType> ALL = List.of(
            new RuleType(
                    "r14",
                    new RuleOptions<>(RuleSettings.R14.DEFAULTS, RuleSettings.R14::read),
                    DYNO,
                    WARNING,
                    true,
                    (config, needs) -> new R14Rule(config, needs.history(), needs.maxGroups()),
                    figures -> Remediations.swapMb(figures) > 0
                            ? "The dyno is swapping (" + Remediations.swapMb(figures) + " MB), so everything on it is "
                                    + "slow. " + Remediations.LESS_MEMORY
                            : "The dyno is over its memory quota: past it Heroku lets it swap, which slows everything"
                                    + " on it, and at 2x it is killed (R15). " + Remediations.LESS_MEMORY),
            new RuleType(
                    "r15",
                    new RuleOptions<>(RuleSettings.R15.DEFAULTS, RuleSettings.R15::read),
                    DYNO,
                    CRITICAL,
                    true,
                    (config, needs) -> new R15Rule(config, needs.history(), needs.maxGroups()),
                    figures -> "The dyno was killed and its requests in flight failed. " + Remediations.LESS_MEMORY),
            new RuleType(
                    "memory_pressure",
                    new RuleOptions<>(RuleSettings.MemoryPressure.DEFAULTS, RuleSettings.MemoryPressure::read),
                    DYNO,
                    WARNING,
                    true,
                    (config, needs) -> new MemoryPressureRule(config, needs.maxGroups()),
                    figures -> "The dyno is close to its memory quota; R14 follows if it grows. "
                            + Remediations.LESS_MEMORY),
            new RuleType(
                    "predictive",
                    new RuleOptions<>(RuleSettings.Predictive.DEFAULTS, RuleSettings.Predictive::read),
                    DYNO,
                    WARNING,
                    true,
                    (config, needs) -> new PredictiveRule(config, needs.maxGroups()),
                    figures -> "Memory grows steadily: look for a leak or an unbounded cache (heap dump, "
                            + "heroku ps:exec) before the quota is reached; a restart only buys time. "
                            + Remediations.LESS_MEMORY),
            new RuleType(
                    "router_errors",
                    new RuleOptions<>(RuleSettings.RouterErrors.DEFAULTS, RuleSettings.RouterErrors::read),
                    DYNO,
                    WARNING,
                    false,
                    (config, needs) -> new RouterErrorsRule(config, needs.maxGroups()),
                    figures -> Remediations.forRouterCode(String.valueOf(figures.get("top_code")))),
            new RuleType(
                    "drain_loss",
                    new RuleOptions<>(RuleSettings.DrainLoss.DEFAULTS, RuleSettings.DrainLoss::read),
                    APP,
                    WARNING,
                    false,
                    (config, needs) -> new DrainLossRule(config, needs.maxGroups()),
                    figures -> "L12".equals(figures.get("code"))
                            ? "The dynos wrote logs faster than log-shuttle could send them: log less (level, "
                                    + "per-request lines, large payloads), or spread the work over more dynos."
                            : "Logplex dropped lines because the drain did not take them fast enough: check the "
                                    + "shipper's 429/503 answers and latency, add shipper capacity, or log less (level, "
                                    + "per-request lines)."),
            new RuleType(
                    "silence",
                    new RuleOptions<>(RuleSettings.Silence.DEFAULTS, RuleSettings.Silence::read),
                    APP_AT_ONCE,
                    WARNING,
                    false,
                    (config, needs) -> new SilenceRule(config, needs.clock(), needs.maxGroups()),
                    figures -> "Check that the app runs (heroku ps), that the drain is still attached "
                            + "(heroku drains) with the right URL and credentials, and that the shipper answers 2xx."));

    private static final Map<String, RuleType> BY_NAME = new LinkedHashMap<>();

    static {
        for (RuleType type : ALL) {
            if (BY_NAME.put(type.name(), type) != null) {
                throw new IllegalStateException("Rule type '" + type.name() + "' is registered twice");
            }
        }
    }

    private RuleTypes() {}

    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    /** The type of a rule the rules file accepted (so one of these). */
    public static RuleType of(String name) {
        RuleType type = BY_NAME.get(name);
        if (type == null) {
            throw new IllegalArgumentException("No rule type '" + name + "' (known: " + names() + ")");
        }
        return type;
    }

    /** A reader of rules files that knows these types. */
    public static RulesFileLoader rulesFile() {
        return new RulesFileLoader(ALL);
    }

    static Rule create(RuleConfig config, RuleType.Needs needs) {
        return of(config.type()).factory().create(config, needs);
    }
}

package io.herokuelk.shipper.alert.rules;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.herokuelk.shipper.alert.config.RuleConfig;

/** The registry of rule types: a name in the rules file to the logic that evaluates it. */
public final class RuleTypes {

    /** What a rule may need besides its own configuration. */
    record Needs(Clock clock, DynoHistory history, int maxGroups) {
    }

    private interface Factory {
        Rule create(RuleConfig config, Needs needs);
    }

    private static final Map<String, Factory> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put("r14", (config, needs) -> new R14Rule(config, needs.history(), needs.maxGroups()));
        FACTORIES.put("r15", (config, needs) -> new R15Rule(config, needs.history(), needs.maxGroups()));
        FACTORIES.put("memory_pressure", (config, needs) -> new MemoryPressureRule(config, needs.maxGroups()));
        FACTORIES.put("predictive", (config, needs) -> new PredictiveRule(config, needs.maxGroups()));
        FACTORIES.put("router_errors", (config, needs) -> new RouterErrorsRule(config, needs.maxGroups()));
        FACTORIES.put("drain_loss", (config, needs) -> new DrainLossRule(config, needs.maxGroups()));
        FACTORIES.put("silence", (config, needs) -> new SilenceRule(config, needs.clock(), needs.maxGroups()));
    }

    private RuleTypes() {
    }

    public static Set<String> names() {
        return FACTORIES.keySet();
    }

    static Rule create(RuleConfig config, Needs needs) {
        Factory factory = FACTORIES.get(config.type());
        if (factory == null) {
            throw new IllegalArgumentException("No rule type '" + config.type() + "' (known: " + names() + ")");
        }
        return factory.create(config, needs);
    }
}

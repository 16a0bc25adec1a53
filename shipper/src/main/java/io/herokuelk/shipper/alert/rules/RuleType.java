package io.herokuelk.shipper.alert.rules;

import io.herokuelk.shipper.alert.config.RuleConfig;
import io.herokuelk.shipper.alert.config.RuleOptions;
import io.herokuelk.shipper.alert.config.RuleSchema;
import java.time.Clock;
import java.util.Map;

/**
 * Everything about one rule type, in one place: registered in {@link RuleTypes}.
 *
 * @param name            written as {@code type:} in the rules file
 * @param options         its settings, their defaults and how they are read
 * @param reach           what one alert of it is about, and what it must see to decide
 * @param defaultSeverity when the rule does not say
 * @param diagnosed       whether its firing alerts carry a diagnosis of the dyno's memory
 * @param factory         the logic that evaluates a rule of this type
 * @param remediation     the hint its alerts carry when no diagnosis names a cause
 */
public record RuleType(
        String name,
        RuleOptions<?> options,
        Reach reach,
        String defaultSeverity,
        boolean diagnosed,
        Factory factory,
        Remediation remediation)
        implements RuleSchema {

    /** What one alert of the type is about. */
    public enum Reach {
        /** One dyno; {@code dynos:} narrows it. */
        DYNO,
        /** A whole app, from the events of the partitions an alerter is given. */
        APP,
        /** A whole app, deciding from every dyno at once (silence): evaluated apart from the partitioned rules. */
        APP_AT_ONCE
    }

    /** What a rule may need besides its own configuration. */
    record Needs(Clock clock, DynoHistory history, int maxGroups) {}

    interface Factory {
        Rule create(RuleConfig config, Needs needs);
    }

    /** What usually fixes the condition, given the alert's figures. */
    interface Remediation {
        String forFigures(Map<String, Object> figures);
    }

    @Override
    public boolean perDyno() {
        return reach == Reach.DYNO;
    }
}

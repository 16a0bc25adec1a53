package io.herokuelk.shipper.alert.config;

/**
 * What the rules file needs to know of one rule type to check a rule of it. The types themselves, with the logic
 * that evaluates them, are registered in {@code alert.rules.RuleTypes}, which hands them to {@link RulesFileLoader}.
 */
public interface RuleSchema {

    /** The name written as {@code type:} in the rules file. */
    String name();

    /** Whether the type watches single dynos (so {@code dynos:} scoping means something). */
    boolean perDyno();

    /** {@link RuleConfig#WARNING} or {@link RuleConfig#CRITICAL}, when the rule does not say. */
    String defaultSeverity();

    RuleOptions<?> options();
}

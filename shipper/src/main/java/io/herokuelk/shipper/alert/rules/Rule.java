package io.herokuelk.shipper.alert.rules;

import io.herokuelk.shipper.alert.config.RuleConfig;
import java.time.Instant;
import java.util.List;

/**
 * One rule type's logic: decides when its condition holds and clears for each group. Not when to notify: that is
 * {@link AlertLifecycle}'s job, the same for every rule.
 */
interface Rule {

    RuleConfig config();

    /** Called only with events of apps and dynos the rule applies to, in event time. */
    List<Signal> observe(Event event);

    /** Time passing: conditions that clear (or start, for silence) without any event. */
    List<Signal> tick(Instant now);
}

package io.herokuelk.shipper.alert.rules;

import io.herokuelk.shipper.alert.config.RuleConfig;
import java.util.Map;

/**
 * What every rule keeps: its configuration and one state per group (dyno or app), in a bounded map so that memory
 * stays flat however many dynos come and go.
 *
 * @param <K> the group key
 * @param <S> the rule's state for one group
 */
abstract class GroupRule<K, S> implements Rule {

    protected final RuleConfig config;
    protected final Map<K, S> states;

    GroupRule(RuleConfig config, int maxGroups) {
        this.config = config;
        this.states = new Lru<>(maxGroups);
    }

    @Override
    public final RuleConfig config() {
        return config;
    }
}

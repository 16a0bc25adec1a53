package io.herokuelk.shipper.alert.config;

import java.util.List;

/**
 * Different options of one rule for some apps.
 *
 * @param apps     app names or globs this override applies to
 * @param enabled  false switches the rule off for these apps
 * @param settings the rule's options for these apps (unset ones inherit the rule's)
 */
public record AppOverride(List<String> apps, boolean enabled, RuleSettings settings) {

    public AppOverride {
        apps = List.copyOf(apps);
    }

    public boolean appliesTo(String app) {
        return Scope.anyMatches(apps, app);
    }
}

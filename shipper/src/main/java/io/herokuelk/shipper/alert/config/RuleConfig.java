package io.herokuelk.shipper.alert.config;

import java.time.Duration;
import java.util.List;

/**
 * One rule from the rules file.
 *
 * @param name      unique name; the alert key starts with it
 * @param type      the rule type ({@link RuleSchema#types()})
 * @param severity  {@code warning} or {@code critical}
 * @param enabled   false keeps the rule in the file without evaluating it
 * @param scope     the apps and dynos it watches
 * @param cooldown  after a resolve, no new firing for the same app and dyno for this long
 * @param realert   while still firing, notify again this often
 * @param settings  the type's options
 * @param overrides per-app options; the first matching one wins
 * @param line      where the rule starts in the file, for messages
 */
public record RuleConfig(
        String name,
        String type,
        String severity,
        boolean enabled,
        Scope scope,
        Duration cooldown,
        Duration realert,
        RuleSettings settings,
        List<AppOverride> overrides,
        int line) {

    public static final String WARNING = "warning";
    public static final String CRITICAL = "critical";

    public RuleConfig {
        overrides = List.copyOf(overrides);
    }

    /** Whether this rule looks at an event of this app and dyno at all. */
    public boolean appliesTo(String app, String dyno) {
        if (!scope.matches(app, dyno)) {
            return false;
        }
        AppOverride override = overrideFor(app);
        return override == null ? enabled : override.enabled();
    }

    /** The options for this app: its override's, or the rule's. */
    public <T extends RuleSettings> T settingsFor(String app, Class<T> type) {
        AppOverride override = overrideFor(app);
        return type.cast(override == null ? settings : override.settings());
    }

    private AppOverride overrideFor(String app) {
        for (AppOverride override : overrides) {
            if (override.appliesTo(app)) {
                return override;
            }
        }
        return null;
    }
}

package io.herokuelk.shipper.alert.rules;

import java.time.Instant;
import java.util.Map;

/**
 * What a rule says about one group at one moment: the condition holds (with its current figures) or it has cleared.
 * Rules may repeat a firing signal as often as they like; {@link AlertLifecycle} turns signals into notifications.
 */
record Signal(Group group, boolean firing, Instant at, String summary, Map<String, Object> figures) {

    static Signal firing(Group group, Instant at, String summary, Map<String, Object> figures) {
        return new Signal(group, true, at, summary, figures);
    }

    static Signal cleared(Group group, Instant at, String summary, Map<String, Object> figures) {
        return new Signal(group, false, at, summary, figures);
    }
}

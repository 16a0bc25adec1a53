package io.herokuelk.shipper.alert;

import io.herokuelk.shipper.alert.model.Alert;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last check before a decision is delivered: at most one open episode per condition and group. A second
 * episode of a key that is already firing (two alerters judged the same app during a rebalance, or app-wide rules
 * seen from two partitions) is dropped, and so is a resolve of an episode that is not open. Re-alerts of the open
 * episode pass. Bounded: the oldest keys are forgotten first.
 */
final class AlertGate {

    private static final int MAX_KEYS = 50_000;

    private final Map<String, String> openEpisodes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_KEYS;
        }
    };

    /** Whether the decision should be delivered; records its effect either way. */
    boolean admit(Alert alert) {
        String open = openEpisodes.get(alert.key());
        if (Alert.FIRING.equals(alert.state())) {
            if (open == null) {
                openEpisodes.put(alert.key(), alert.episodeId());
                return true;
            }
            return open.equals(alert.episodeId());
        }
        if (open != null && open.equals(alert.episodeId())) {
            openEpisodes.remove(alert.key());
            return true;
        }
        return false;
    }
}

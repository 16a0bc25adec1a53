package io.herokuelk.shipper.alert.diagnosis;

import java.util.List;
import java.util.Map;

/**
 * What one check concludes about a dyno's memory.
 *
 * @param cause   one of {@link io.herokuelk.shipper.alert.model.Diagnosis#CAUSES}
 * @param score   how strongly the figures support it, 0 to 1 ({@link #confidence})
 * @param summary the conclusion with its figures
 * @param action  what to change
 * @param signals what it rests on
 * @param figures the numbers behind it
 */
record Finding(
        String cause, double score, String summary, String action, List<String> signals, Map<String, Object> figures) {

    static final double HIGH = 0.75;
    static final double MEDIUM = 0.45;

    String confidence() {
        return score >= HIGH ? "high" : score >= MEDIUM ? "medium" : "low";
    }
}

package io.herokuelk.shipper.alert.diagnosis;

import io.herokuelk.shipper.alert.config.Durations;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds an alert's figures in a stable order, leaving out what is unknown and rounding for people. */
public final class Figures {

    private final Map<String, Object> values = new LinkedHashMap<>();

    public Figures put(String name, Object value) {
        if (value instanceof Double number) {
            if (!number.isNaN() && !number.isInfinite()) {
                values.put(name, Math.round(number * 100.0) / 100.0);
            }
        } else if (value instanceof Duration duration) {
            values.put(name, Durations.format(duration));
        } else if (value != null) {
            values.put(name, value instanceof java.time.Instant ? value.toString() : value);
        }
        return this;
    }

    public Map<String, Object> build() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}

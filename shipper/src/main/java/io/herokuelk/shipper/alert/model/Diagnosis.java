package io.herokuelk.shipper.alert.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which cause of a dyno's memory the figures point to, with the figures, what to change, and how sure it is: what a
 * person reading the samples would conclude, attached to memory alerts (R14, R15, memory pressure, predictive).
 *
 * @param cause      one of {@link #CAUSES}; {@link #UNDETERMINED} when the data shows none
 * @param confidence {@code high}, {@code medium} or {@code low}
 * @param summary    the conclusion with its figures, one or two sentences
 * @param action     what to change
 * @param signals    what the conclusion rests on ({@code app.memory per process}, {@code heroku runtime metrics},
 *                   {@code state changes}, {@code router traffic}, {@code release}, ...)
 * @param figures    the numbers behind it (name to value)
 * @param others     other causes the data also shows, weaker, as {@code cause (confidence)}
 */
public record Diagnosis(
        String cause,
        String confidence,
        String summary,
        String action,
        List<String> signals,
        Map<String, Object> figures,
        List<String> others) {

    public static final String TOO_MANY_PROCESSES = "too_many_processes";
    public static final String RUNTIME_SIZED_FOR_HOST = "runtime_sized_for_host";
    public static final String HEAVY_AT_START = "heavy_at_start";
    public static final String MEMORY_GROWTH = "memory_growth";
    public static final String UNDETERMINED = "undetermined";
    public static final List<String> CAUSES =
            List.of(TOO_MANY_PROCESSES, RUNTIME_SIZED_FOR_HOST, HEAVY_AT_START, MEMORY_GROWTH, UNDETERMINED);

    public Diagnosis {
        signals = List.copyOf(signals);
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures)); // in the order they read best
        others = List.copyOf(others);
    }
}

package io.herokuelk.shipper.setup.kibana;

/**
 * A Kibana index-threshold rule ({@code .index-threshold}, basic licence): per value of {@code termField}, the
 * {@code aggType} of {@code aggField} over the last {@code windowMinutes} of documents matching {@code filter},
 * compared with {@code threshold}.
 *
 * @param aggType  {@code count}, {@code max}, {@code avg}, {@code min} or {@code sum}
 * @param aggField null for count
 */
public record ThresholdRule(
        String id,
        String name,
        String index,
        String aggType,
        String aggField,
        String termField,
        int termSize,
        Condition filter,
        int windowMinutes,
        String comparator,
        double threshold,
        String message) {}

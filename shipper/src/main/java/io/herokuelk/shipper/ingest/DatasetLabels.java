package io.herokuelk.shipper.ingest;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the {@code dataset} metric label bounded: app lines may name any dataset, so after a fixed number of
 * distinct values the rest count as {@code other}.
 */
final class DatasetLabels {

    private static final int MAX_DISTINCT = 32;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    String label(String dataset) {
        if (dataset == null || dataset.length() > 64) {
            return "other";
        }
        if (seen.contains(dataset)) {
            return dataset;
        }
        if (seen.size() < MAX_DISTINCT) {
            seen.add(dataset);
            return dataset;
        }
        return "other";
    }
}

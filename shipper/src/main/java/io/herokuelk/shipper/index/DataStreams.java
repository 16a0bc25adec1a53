package io.herokuelk.shipper.index;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names data streams by Elastic's scheme {@code logs-<dataset>-<namespace>}. The parser confines app lines to the
 * datasets they may have; records from elsewhere (another producer, an older shipper) may hold anything, so names
 * are cut down to what an index name allows ({@code -} is the scheme's separator and becomes {@code _}) and confined
 * to the datasets {@code setup}'s templates cover ({@link #COVERED_PREFIXES}): anything else is {@code heroku.app}.
 */
public final class DataStreams {

    /** Where documents that Elasticsearch refused are recorded, beside the dead-letter topic. */
    public static final String DEAD_LETTER_DATASET = "heroku_elk.dead_letter";
    /** The dataset prefixes of the index templates: {@code logs-heroku.*-*}, {@code logs-app.*-*}, ours. */
    static final java.util.List<String> COVERED_PREFIXES = java.util.List.of("heroku.", "app.", "heroku_elk.");

    static final String FALLBACK = "heroku.app";
    private static final int MAX_DATASET = 100;
    /** Datasets repeat on every event: clean each name once (a bounded few; app lines may invent more). */
    private static final int MAX_CACHED = 1024;

    private static final Map<String, String> CLEANED = new ConcurrentHashMap<>();

    private DataStreams() {}

    public static String name(String dataset, String namespace) {
        return "logs-" + dataset(dataset) + "-" + namespace;
    }

    static String dataset(String dataset) {
        if (dataset == null || dataset.isBlank()) {
            return FALLBACK;
        }
        String known = CLEANED.get(dataset);
        if (known != null) {
            return known;
        }
        String cleaned = clean(dataset);
        if (CLEANED.size() < MAX_CACHED) {
            CLEANED.put(dataset, cleaned);
        }
        return cleaned;
    }

    private static String clean(String dataset) {
        String clean =
                dataset.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.]", "_").replaceAll("^[._]+", "");
        clean = clean.length() > MAX_DATASET ? clean.substring(0, MAX_DATASET) : clean;
        String covered = clean;
        return COVERED_PREFIXES.stream()
                        .anyMatch(prefix -> covered.startsWith(prefix) && covered.length() > prefix.length())
                ? clean
                : FALLBACK;
    }
}

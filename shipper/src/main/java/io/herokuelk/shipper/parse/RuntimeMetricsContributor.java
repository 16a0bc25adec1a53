package io.herokuelk.shipper.parse;

import static io.herokuelk.shipper.parse.FieldNames.*;

/**
 * log-runtime-metrics lines ({@code heroku[web.1]}):
 * {@code source=web.1 dyno=heroku.1.uuid sample#memory_total=909.12MB ... sample#memory_quota=512.00MB} and
 * {@code sample#load_avg_1m=0.42 ...}.
 *
 * <p>Memory is in MB (the unit is dropped); page counts drop {@code pages}. {@code heroku.memory.quota_pct} is
 * (rss + swap) / quota x 100, the measure Heroku uses for R14; it is absent when the line has no quota (older lines).
 * A line with neither memory nor load samples (add-on metrics, say) is not taken.
 */
final class RuntimeMetricsContributor implements LineContributor {

    static final String DATASET = "heroku.runtime_metrics";

    @Override
    public boolean contribute(Line line, Document doc) {
        String text = line.text();
        if (!text.startsWith("source=") || (!text.contains("sample#memory_") && !text.contains("sample#load_avg_"))) {
            return false;
        }
        doc.put(EVENT_DATASET, DATASET);
        EcsEvent.classify(doc, EcsEvent.KIND_METRIC, EcsEvent.HOST, EcsEvent.INFO);
        Logfmt.parse(
                line.raw,
                line.textFrom,
                line.rawTo,
                (key, a, from, to, escaped) -> pair(doc, key, Logfmt.value(a, from, to, escaped)));
        Object rss = doc.get(MEMORY_RSS_MB);
        Object swap = doc.get(MEMORY_SWAP_MB);
        Object quota = doc.get(MEMORY_QUOTA_MB);
        if (rss instanceof Double r && quota instanceof Double q && q > 0) {
            double used = r + (swap instanceof Double s ? s : 0.0);
            doc.put(MEMORY_QUOTA_PCT, Numbers.round2(used / q * 100.0));
        }
        return true;
    }

    private static void pair(Document doc, String key, String value) {
        switch (key) {
            case "dyno" -> doc.putNonEmpty(HEROKU_DYNO_ID, value);
            case "sample#memory_total" -> megabytes(doc, MEMORY_TOTAL_MB, key, value);
            case "sample#memory_rss" -> megabytes(doc, MEMORY_RSS_MB, key, value);
            case "sample#memory_cache" -> megabytes(doc, MEMORY_CACHE_MB, key, value);
            case "sample#memory_swap" -> megabytes(doc, MEMORY_SWAP_MB, key, value);
            case "sample#memory_quota" -> megabytes(doc, MEMORY_QUOTA_MB, key, value);
            case "sample#memory_pgpgin" -> pages(doc, MEMORY_PGPGIN, key, value);
            case "sample#memory_pgpgout" -> pages(doc, MEMORY_PGPGOUT, key, value);
            case "sample#load_avg_1m" -> decimal(doc, LOAD_AVG_1M, key, value);
            case "sample#load_avg_5m" -> decimal(doc, LOAD_AVG_5M, key, value);
            case "sample#load_avg_15m" -> decimal(doc, LOAD_AVG_15M, key, value);
            default -> {
                // source= repeats heroku.dyno; other samples stay in the message.
            }
        }
    }

    private static void megabytes(Document doc, Field field, String key, String value) {
        decimal(doc, field, key, value.endsWith("MB") ? value.substring(0, value.length() - 2) : value);
    }

    private static void pages(Document doc, Field field, String key, String value) {
        String digits = value.endsWith("pages") ? value.substring(0, value.length() - 5) : value;
        long n = Numbers.parseLong(digits);
        if (n == Numbers.NOT_A_NUMBER) {
            doc.putExtra("heroku.runtime_metrics." + key, value);
        } else {
            doc.put(field, n);
        }
    }

    private static void decimal(Document doc, Field field, String key, String value) {
        double d = Numbers.parseDouble(value);
        if (Double.isNaN(d)) {
            if (!value.isEmpty()) {
                doc.putExtra("heroku.runtime_metrics." + key, value);
            }
        } else {
            doc.put(field, d);
        }
    }
}

package io.herokuelk.bench.faults;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One scenario's row: lines sent and acknowledged, acknowledged lines present in Elasticsearch, missing, stored more
 * than once, the answers seen, the ingest's peak RSS when sampled, and whether it held.
 */
record Outcome(
        String scenario,
        long sent,
        long acknowledged,
        long present,
        long missing,
        long duplicates,
        String statuses,
        long peakRssMb,
        String note,
        boolean pass) {

    static Outcome of(
            String scenario,
            LogplexSender sender,
            Set<String> acknowledged,
            Map<String, Integer> stored,
            long peakRssMb,
            String note,
            boolean extra) {
        long present = acknowledged.stream().filter(stored::containsKey).count();
        long duplicates = stored.values().stream().filter(count -> count > 1).count();
        long missing = acknowledged.size() - present;
        return new Outcome(
                scenario,
                sender.sent(),
                acknowledged.size(),
                present,
                missing,
                duplicates,
                sender.statuses(),
                peakRssMb,
                note,
                missing == 0 && duplicates == 0 && extra);
    }

    static final String HEADER = String.format(
            Locale.ROOT,
            "%-26s %7s %7s %7s %7s %5s %8s  %-5s  %s",
            "scenario",
            "sent",
            "acked",
            "present",
            "missing",
            "dups",
            "peak RSS",
            "",
            "answers (and notes)");

    String row() {
        return String.format(
                Locale.ROOT,
                "%-26s %7d %7d %7d %7d %5d %8s  %-5s  %s%s",
                scenario,
                sent,
                acknowledged,
                present,
                missing,
                duplicates,
                peakRssMb > 0 ? peakRssMb + " MB" : "-",
                pass ? "PASS" : "FAIL",
                statuses,
                note.isEmpty() ? "" : "; " + note);
    }
}

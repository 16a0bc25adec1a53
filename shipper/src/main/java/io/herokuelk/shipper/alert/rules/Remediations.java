package io.herokuelk.shipper.alert.rules;

import java.util.Map;

/** What usually fixes each condition: the hint every alert carries. */
final class Remediations {

    private static final String LESS_MEMORY = "Lower the memory one dyno needs: fewer workers or threads per dyno "
            + "(WEB_CONCURRENCY, Puma/Gunicorn workers, JVM thread pools), a heap cap that leaves room for metaspace, "
            + "threads and native memory, unused heavy dependencies dropped and the rest loaded lazily; "
            + "or a larger dyno (standard-2x 1 GB, performance-m 2.5 GB).";

    private static final Map<String, String> ROUTER_CODES = Map.ofEntries(
            Map.entry("H10", "The app crashed: read the dyno's last lines before the crash (boot errors, R10, R15) "
                    + "and heroku ps; a crash loop often follows a bad release, roll back with heroku rollback."),
            Map.entry("H12", "Requests took over 30 s: find the slow paths below, move long work to a background "
                    + "worker, put timeouts on outgoing calls and database queries; more dynos only help if "
                    + "requests queue."),
            Map.entry("H13", "The dyno closed connections without answering: usually a worker killed mid-request "
                    + "(memory: R14/R15, or a server timeout shorter than the request); check worker timeouts "
                    + "and memory."),
            Map.entry("H14", "No web dynos are running: heroku ps:scale web=1, and check why they stopped."),
            Map.entry("H15", "Idle connections were closed after 55 s: send keep-alive data on long-lived connections."),
            Map.entry("H18", "The server closed the socket mid-request: check for crashes or a proxy in the dyno."),
            Map.entry("H20", "The app did not bind $PORT in time at boot: speed up boot or bind first."),
            Map.entry("H11", "The backlog is too deep: requests queue behind slow ones; add dynos or speed up the slow "
                    + "paths."));

    private Remediations() {
    }

    /** The swap a figure set shows, 0 when it shows none. */
    private static double swapMb(Map<String, Object> figures) {
        return figures.get("swap_mb") instanceof Number swap ? swap.doubleValue() : 0;
    }

    static String forRule(String type, Map<String, Object> figures) {
        return switch (type) {
            case "r14" -> swapMb(figures) > 0
                    ? "The dyno is swapping (" + swapMb(figures) + " MB), so everything on it is slow. " + LESS_MEMORY
                    : "The dyno is over its memory quota: past it Heroku lets it swap, which slows everything on it,"
                    + " and at 2x it is killed (R15). " + LESS_MEMORY;
            case "r15" -> "The dyno was killed and its requests in flight failed. " + LESS_MEMORY;
            case "memory_pressure" -> "The dyno is close to its memory quota; R14 follows if it grows. " + LESS_MEMORY;
            case "predictive" -> "Memory grows steadily: look for a leak or an unbounded cache (heap dump, "
                    + "heroku ps:exec) before the quota is reached; a restart only buys time. " + LESS_MEMORY;
            case "router_errors" -> ROUTER_CODES.getOrDefault(String.valueOf(figures.get("top_code")),
                    "Look up the code in Heroku's error codes; the busiest and slowest paths below show where.");
            case "drain_loss" -> "L12".equals(figures.get("code"))
                    ? "The dynos wrote logs faster than log-shuttle could send them: log less (level, per-request"
                    + " lines, large payloads), or spread the work over more dynos."
                    : "Logplex dropped lines because the drain did not take them fast enough: check the "
                    + "shipper's 429/503 answers and latency, add shipper capacity, or log less (level, per-request "
                    + "lines).";
            case "silence" -> "Check that the app runs (heroku ps), that the drain is still attached "
                    + "(heroku drains) with the right URL and credentials, and that the shipper answers 2xx.";
            default -> "";
        };
    }
}

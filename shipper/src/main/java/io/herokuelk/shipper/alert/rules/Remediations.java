package io.herokuelk.shipper.alert.rules;

import java.util.Map;

/** The remediation texts several rule types share; each type's own hint is in its {@link RuleTypes} entry. */
final class Remediations {

    static final String LESS_MEMORY = "Lower the memory one dyno needs: fewer workers or threads per dyno "
            + "(WEB_CONCURRENCY, Puma/Gunicorn workers, JVM thread pools), a heap cap that leaves room for metaspace, "
            + "threads and native memory, unused heavy dependencies dropped and the rest loaded lazily; "
            + "or a larger dyno (standard-2x 1 GB, performance-m 2.5 GB).";

    private static final Map<String, String> ROUTER_CODES = Map.ofEntries(
            Map.entry(
                    "H10",
                    "The app crashed: read the dyno's last lines before the crash (boot errors, R10, R15) "
                            + "and heroku ps; a crash loop often follows a bad release, roll back with heroku rollback."),
            Map.entry(
                    "H12",
                    "Requests took over 30 s: find the slow paths below, move long work to a background "
                            + "worker, put timeouts on outgoing calls and database queries; more dynos only help if "
                            + "requests queue."),
            Map.entry(
                    "H13",
                    "The dyno closed connections without answering: usually a worker killed mid-request "
                            + "(memory: R14/R15, or a server timeout shorter than the request); check worker timeouts "
                            + "and memory."),
            Map.entry("H14", "No web dynos are running: heroku ps:scale web=1, and check why they stopped."),
            Map.entry(
                    "H15", "Idle connections were closed after 55 s: send keep-alive data on long-lived connections."),
            Map.entry("H18", "The server closed the socket mid-request: check for crashes or a proxy in the dyno."),
            Map.entry("H20", "The app did not bind $PORT in time at boot: speed up boot or bind first."),
            Map.entry(
                    "H11",
                    "The backlog is too deep: requests queue behind slow ones; add dynos or speed up the slow "
                            + "paths."));

    private Remediations() {}

    /** The swap a figure set shows, 0 when it shows none. */
    static double swapMb(Map<String, Object> figures) {
        return figures.get("swap_mb") instanceof Number swap ? swap.doubleValue() : 0;
    }

    static String forRouterCode(String code) {
        return ROUTER_CODES.getOrDefault(
                code, "Look up the code in Heroku's error codes; the busiest and slowest paths below show where.");
    }
}

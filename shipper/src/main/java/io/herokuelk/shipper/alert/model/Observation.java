package io.herokuelk.shipper.alert.model;

import java.time.Instant;

/**
 * What the alert rules look at, read once from a parsed event document ({@link Observations#from}). Every figure is
 * null when the event does not carry it.
 *
 * @param timestamp      {@code @timestamp}
 * @param app            {@code heroku.app}
 * @param dyno           the dyno the event is about: {@code heroku.dyno}, or for router lines the serving dyno
 *                       ({@code heroku.router.dyno}); null when none (for example H10 with {@code dyno=})
 * @param dataset        {@code event.dataset}
 * @param code           {@code event.code}: R14, R15, H12, L10, ...
 * @param dynoId         {@code heroku.dyno_id}: changes at every restart of the dyno slot
 * @param quotaPct       Heroku's view: {@code heroku.memory.quota_pct} (runtime metrics or {@code Process running})
 * @param rssMb          {@code heroku.memory.rss_mb}
 * @param swapMb         {@code heroku.memory.swap_mb}
 * @param totalMb        {@code heroku.memory.total_mb}
 * @param quotaMb        {@code heroku.memory.quota_mb}
 * @param processMb      {@code heroku.memory.process_mb} (from {@code Process running mem=...})
 * @param appPercentOfLimit the app's view: {@code app.memory.percent_of_limit}
 * @param appRssMb       {@code app.memory.rss_mb}
 * @param appHeapUsedMb  {@code app.memory.heap_used_mb}
 * @param appLimitMb     {@code app.memory.limit_mb}
 * @param status         {@code http.response.status_code} of a router line
 * @param serviceMs      {@code heroku.router.service_ms}
 * @param path           {@code url.path}
 * @param droppedMessages {@code heroku.logplex.dropped} (L10)
 * @param stateTo        {@code heroku.state.to} of a state change ({@code up}, {@code crashed}, {@code starting})
 * @param exitCode       {@code process.exit_code}
 * @param message        {@code message}
 * @param durationMs     {@code event.duration} in milliseconds (the document holds nanoseconds): the request's time
 *                       on app request events ({@code app.request}), which have no router service time
 * @param cacheMb        {@code heroku.memory.cache_mb} (runtime metrics; not counted by R14)
 * @param action         {@code event.action} ({@code memory-sampled}, {@code app-started}, ...)
 * @param process        the app process an app memory or lifecycle event comes from, or null
 */
public record Observation(
        Instant timestamp,
        String app,
        String dyno,
        String dataset,
        String code,
        String dynoId,
        Double quotaPct,
        Double rssMb,
        Double swapMb,
        Double totalMb,
        Double quotaMb,
        Double processMb,
        Double appPercentOfLimit,
        Double appRssMb,
        Double appHeapUsedMb,
        Double appLimitMb,
        Integer status,
        Double serviceMs,
        String path,
        Long droppedMessages,
        String stateTo,
        Integer exitCode,
        String message,
        Double durationMs,
        Double cacheMb,
        String action,
        AppProcess process) {

    /**
     * One process of the app as its own memory and lifecycle events describe it (the bundled app writes these;
     * most apps do not, and then it is null).
     *
     * @param pid             {@code process.pid}
     * @param workerIndex     {@code app.worker.index}: which of the dyno's workers, when the app knows
     * @param concurrency     {@code app.worker.concurrency}: {@code WEB_CONCURRENCY} as the process saw it
     * @param heapCommittedMb {@code app.memory.heap_committed_mb}
     * @param heapMaxMb       {@code app.memory.heap_max_mb} (on start events {@code app.jvm.heap_max_mb})
     * @param nonHeapMb       {@code app.memory.nonheap_used_mb}
     * @param threads         {@code app.memory.threads}
     */
    public record AppProcess(
            long pid,
            Integer workerIndex,
            Integer concurrency,
            Double heapCommittedMb,
            Double heapMaxMb,
            Double nonHeapMb,
            Integer threads) {}

    public boolean isRouter() {
        return "heroku.router".equals(dataset);
    }

    /** A restart marker: a state change to starting, or a process exit. Predictions start afresh after one. */
    public boolean isRestart() {
        return "starting".equals(stateTo) || exitCode != null;
    }
}

package io.herokuelk.shipper.parse;

/**
 * Fields an app's own JSON lines carry (the app module writes them; app/README.md, "Log lines"), which the shipper
 * keeps as the app wrote them and the alerter and the dashboards read. Unlike {@link FieldNames}, the shipper does not write these.
 */
public final class AppFields {

    public static final String MEMORY_PERCENT_OF_LIMIT = "app.memory.percent_of_limit";
    public static final String MEMORY_RSS_MB = "app.memory.rss_mb";
    public static final String MEMORY_HEAP_USED_MB = "app.memory.heap_used_mb";
    public static final String MEMORY_HEAP_COMMITTED_MB = "app.memory.heap_committed_mb";
    public static final String MEMORY_HEAP_MAX_MB = "app.memory.heap_max_mb";
    public static final String MEMORY_NONHEAP_USED_MB = "app.memory.nonheap_used_mb";
    public static final String MEMORY_THREADS = "app.memory.threads";
    public static final String MEMORY_LIMIT_MB = "app.memory.limit_mb";
    public static final String MEMORY_GC_TIME_MS = "app.memory.gc_time_ms";
    /** On start events, where memory samples say {@link #MEMORY_HEAP_MAX_MB}. */
    public static final String JVM_HEAP_MAX_MB = "app.jvm.heap_max_mb";
    /** ECS, as the app writes it on lifecycle events ({@code start}, {@code stop}). */
    public static final String EVENT_ACTION = "event.action";

    public static final String WORKER_INDEX = "app.worker.index";
    public static final String WORKER_CONCURRENCY = "app.worker.concurrency";

    private AppFields() {}
}

package io.herokuelk.app.log;

/**
 * Every structured field name the app writes, in one place. ECS names where ECS has one; the app's own under
 * {@code app.}. The encoder's fixed fields are set in {@link JsonLogging}.
 */
public final class Fields {

    public static final String EVENT_DATASET = "event.dataset";
    public static final String EVENT_ACTION = "event.action";
    /** Nanoseconds, as ECS defines it. */
    public static final String EVENT_DURATION = "event.duration";

    public static final String HTTP_REQUEST_METHOD = "http.request.method";
    public static final String HTTP_REQUEST_ID = "http.request.id";
    public static final String HTTP_RESPONSE_STATUS_CODE = "http.response.status_code";
    public static final String HTTP_RESPONSE_BODY_BYTES = "http.response.body.bytes";
    public static final String URL_PATH = "url.path";
    public static final String USER_AGENT_ORIGINAL = "user_agent.original";

    /** The JVM's process id (ECS): memory diagnosis counts a dyno's processes by it. */
    public static final String PROCESS_PID = "process.pid";
    /** Which of the dyno's workers ({@code WORKER_INDEX}), and how many there are ({@code WEB_CONCURRENCY}). */
    public static final String WORKER_INDEX = "app.worker.index";

    public static final String WORKER_CONCURRENCY = "app.worker.concurrency";

    public static final String MEMORY_RSS_MB = "app.memory.rss_mb";
    public static final String MEMORY_SWAP_MB = "app.memory.swap_mb";
    public static final String MEMORY_USED_MB = "app.memory.used_mb";
    public static final String MEMORY_LIMIT_MB = "app.memory.limit_mb";
    public static final String MEMORY_LIMIT_SOURCE = "app.memory.limit_source";
    public static final String MEMORY_PERCENT_OF_LIMIT = "app.memory.percent_of_limit";
    public static final String MEMORY_WITHIN_LIMIT = "app.memory.within_limit";
    public static final String MEMORY_HEAP_USED_MB = "app.memory.heap_used_mb";
    public static final String MEMORY_HEAP_COMMITTED_MB = "app.memory.heap_committed_mb";
    public static final String MEMORY_HEAP_MAX_MB = "app.memory.heap_max_mb";
    public static final String MEMORY_NONHEAP_USED_MB = "app.memory.nonheap_used_mb";
    public static final String MEMORY_DIRECT_USED_MB = "app.memory.direct_used_mb";
    public static final String MEMORY_THREADS = "app.memory.threads";
    public static final String MEMORY_GC_COUNT = "app.memory.gc_count";
    public static final String MEMORY_GC_TIME_MS = "app.memory.gc_time_ms";
    public static final String MEMORY_THRESHOLD_FRACTION = "app.memory.threshold_fraction";
    public static final String MEMORY_HELD_MB = "app.memory.held_mb";

    public static final String JVM_VERSION = "app.jvm.version";
    public static final String JVM_FLAGS = "app.jvm.flags";
    public static final String JVM_GC = "app.jvm.gc";
    public static final String JVM_HEAP_INITIAL_MB = "app.jvm.heap_initial_mb";
    public static final String JVM_HEAP_MAX_MB = "app.jvm.heap_max_mb";
    public static final String JVM_PROCESSORS = "app.jvm.available_processors";
    public static final String HTTP_PORT = "app.http.port";
    public static final String HTTP_MAX_CONCURRENT = "app.http.max_concurrent";
    public static final String HTTP_MAX_CONNECTIONS = "app.http.max_connections";
    public static final String HTTP_EXECUTOR = "app.http.executor";
    public static final String MEMORY_SAMPLE_SECONDS = "app.memory.sample_seconds";
    public static final String MEMORY_WARN_FRACTIONS = "app.memory.warn_fractions";
    public static final String DEMO_MEMORY_ENDPOINT = "app.demo.memory_endpoint";
    public static final String UPTIME_SECONDS = "app.uptime_seconds";
    public static final String CONFIG_PROBLEMS = "app.config.problems";

    public static final String COMPONENT_NAME = "app.component.name";
    public static final String COMPONENT_CLASSES_LOADED = "app.component.classes_loaded";
    public static final String COMPONENT_ITEMS = "app.component.items";

    public static final String DATASET_REQUEST = "app.request";
    public static final String DATASET_MEMORY = "app.memory";
    public static final String DATASET_LIFECYCLE = "app.lifecycle";

    private Fields() {}
}

package io.herokuelk.app.log;

import static io.herokuelk.app.log.Fields.*;

import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;

/** The {@code app.lifecycle} events: started, a lazy component initialised, stopping. */
public final class LifecycleEvents {

    public static final String ACTION_STARTED = "app-started";
    public static final String ACTION_COMPONENT_INITIALIZED = "component-initialized";
    public static final String ACTION_STOPPING = "app-stopping";

    /**
     * The settings that decide the app's memory, as they were at start.
     *
     * @param javaVersion the running JVM's version
     * @param jvmFlags the -X and -XX flags only; -D properties are left out because they may carry secrets
     * @param gc collector names, comma-separated
     * @param heapInitialMb initial heap (-Xms or ergonomic)
     * @param heapMaxMb heap ceiling (-Xmx or ergonomic)
     * @param processors processors the JVM sees
     * @param port listening port
     * @param maxConcurrent requests handled at once
     * @param maxConnections connections accepted at once
     * @param executor how requests are run
     * @param limitMb the memory limit
     * @param limitSource where the limit came from
     * @param sampleSeconds memory event interval
     * @param warnFractions warning thresholds
     * @param demoMemoryEndpoint whether {@code /demo/hold} is on
     * @param startNanos from JVM start to ready
     * @param process which process of the dyno this is
     */
    public record Startup(
            String javaVersion,
            List<String> jvmFlags,
            String gc,
            double heapInitialMb,
            double heapMaxMb,
            int processors,
            int port,
            int maxConcurrent,
            int maxConnections,
            String executor,
            double limitMb,
            String limitSource,
            long sampleSeconds,
            List<Double> warnFractions,
            boolean demoMemoryEndpoint,
            long startNanos,
            ProcessIdentity process) {}

    private LifecycleEvents() {}

    public static void started(Logger log, Startup s) {
        s.process()
                .addTo(log.atInfo())
                .addKeyValue(EVENT_DATASET, DATASET_LIFECYCLE)
                .addKeyValue(EVENT_ACTION, ACTION_STARTED)
                .addKeyValue(EVENT_DURATION, s.startNanos())
                .addKeyValue(JVM_VERSION, s.javaVersion())
                .addKeyValue(JVM_FLAGS, s.jvmFlags())
                .addKeyValue(JVM_GC, s.gc())
                .addKeyValue(JVM_HEAP_INITIAL_MB, s.heapInitialMb())
                .addKeyValue(JVM_HEAP_MAX_MB, s.heapMaxMb())
                .addKeyValue(JVM_PROCESSORS, s.processors())
                .addKeyValue(HTTP_PORT, s.port())
                .addKeyValue(HTTP_MAX_CONCURRENT, s.maxConcurrent())
                .addKeyValue(HTTP_MAX_CONNECTIONS, s.maxConnections())
                .addKeyValue(HTTP_EXECUTOR, s.executor())
                .addKeyValue(MEMORY_LIMIT_MB, s.limitMb())
                .addKeyValue(MEMORY_LIMIT_SOURCE, s.limitSource())
                .addKeyValue(MEMORY_SAMPLE_SECONDS, s.sampleSeconds())
                .addKeyValue(MEMORY_WARN_FRACTIONS, s.warnFractions())
                .addKeyValue(DEMO_MEMORY_ENDPOINT, s.demoMemoryEndpoint())
                .log(String.format(
                        Locale.ROOT,
                        "App started on port %d in %d ms with a %.1f MB memory limit (%s) and a %.1f MB heap ceiling",
                        s.port(),
                        s.startNanos() / 1_000_000,
                        s.limitMb(),
                        s.limitSource(),
                        s.heapMaxMb()));
    }

    /**
     * @param component what was initialised
     * @param durationNanos how long it took
     * @param classesLoaded classes the JVM loaded meanwhile (a measure of code pulled in)
     * @param items items it was built from
     */
    public static void componentInitialized(
            Logger log, String component, long durationNanos, long classesLoaded, long items) {
        log.atInfo()
                .addKeyValue(EVENT_DATASET, DATASET_LIFECYCLE)
                .addKeyValue(EVENT_ACTION, ACTION_COMPONENT_INITIALIZED)
                .addKeyValue(COMPONENT_NAME, component)
                .addKeyValue(EVENT_DURATION, durationNanos)
                .addKeyValue(COMPONENT_CLASSES_LOADED, classesLoaded)
                .addKeyValue(COMPONENT_ITEMS, items)
                .log(String.format(
                        Locale.ROOT,
                        "Initialised %s on first use in %.1f ms, %d classes loaded",
                        component,
                        durationNanos / 1e6,
                        classesLoaded));
    }

    public static void stopping(Logger log, long uptimeSeconds) {
        log.atInfo()
                .addKeyValue(EVENT_DATASET, DATASET_LIFECYCLE)
                .addKeyValue(EVENT_ACTION, ACTION_STOPPING)
                .addKeyValue(UPTIME_SECONDS, uptimeSeconds)
                .log("App stopping after " + uptimeSeconds + " s");
    }
}

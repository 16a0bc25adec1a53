package io.herokuelk.app.memory;

import static io.herokuelk.app.log.Fields.*;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.spi.LoggingEventBuilder;

/** The {@code app.memory} events: a periodic sample, a threshold crossed, a threshold recovered. */
public final class MemoryEvents {

    public static final String ACTION_SAMPLED = "memory-sampled";
    public static final String ACTION_THRESHOLD_CROSSED = "memory-threshold-crossed";
    public static final String ACTION_THRESHOLD_RECOVERED = "memory-threshold-recovered";

    private MemoryEvents() {}

    public static void sampled(Logger log, MemorySnapshot s) {
        fields(log.atInfo(), s, ACTION_SAMPLED)
                .log(String.format(
                        Locale.ROOT,
                        "Memory %.1f MB of %.1f MB (%.1f%%), heap %.1f of %.1f MB",
                        s.usedMb(),
                        s.limit().mb(),
                        s.percentOfLimit(),
                        s.heapUsedMb(),
                        s.heapMaxMb()));
    }

    public static void thresholdCrossed(Logger log, MemorySnapshot s, double fraction, boolean repeat) {
        fields(log.atWarn(), s, ACTION_THRESHOLD_CROSSED)
                .addKeyValue(MEMORY_THRESHOLD_FRACTION, fraction)
                .log(String.format(
                        Locale.ROOT,
                        "Memory %.1f MB is %.1f%% of the %.1f MB limit, %s the %.0f%% warning threshold",
                        s.usedMb(),
                        s.percentOfLimit(),
                        s.limit().mb(),
                        repeat ? "still above" : "above",
                        fraction * 100));
    }

    public static void thresholdRecovered(Logger log, MemorySnapshot s, double fraction) {
        fields(log.atInfo(), s, ACTION_THRESHOLD_RECOVERED)
                .addKeyValue(MEMORY_THRESHOLD_FRACTION, fraction)
                .log(String.format(
                        Locale.ROOT,
                        "Memory %.1f MB is %.1f%% of the %.1f MB limit, back below the %.0f%% warning threshold",
                        s.usedMb(),
                        s.percentOfLimit(),
                        s.limit().mb(),
                        fraction * 100));
    }

    private static LoggingEventBuilder fields(LoggingEventBuilder event, MemorySnapshot s, String action) {
        return s.process()
                .addTo(event)
                .addKeyValue(EVENT_DATASET, DATASET_MEMORY)
                .addKeyValue(EVENT_ACTION, action)
                .addKeyValue(MEMORY_RSS_MB, s.rssMb())
                .addKeyValue(MEMORY_SWAP_MB, s.swapMb())
                .addKeyValue(MEMORY_USED_MB, s.usedMb())
                .addKeyValue(MEMORY_LIMIT_MB, s.limit().mb())
                .addKeyValue(MEMORY_LIMIT_SOURCE, s.limit().source().wireName())
                .addKeyValue(MEMORY_PERCENT_OF_LIMIT, s.percentOfLimit())
                .addKeyValue(MEMORY_WITHIN_LIMIT, s.withinLimit())
                .addKeyValue(MEMORY_HEAP_USED_MB, s.heapUsedMb())
                .addKeyValue(MEMORY_HEAP_COMMITTED_MB, s.heapCommittedMb())
                .addKeyValue(MEMORY_HEAP_MAX_MB, s.heapMaxMb())
                .addKeyValue(MEMORY_NONHEAP_USED_MB, s.nonHeapUsedMb())
                .addKeyValue(MEMORY_DIRECT_USED_MB, s.directUsedMb())
                .addKeyValue(MEMORY_THREADS, s.threads())
                .addKeyValue(MEMORY_GC_COUNT, s.gcCount())
                .addKeyValue(MEMORY_GC_TIME_MS, s.gcTimeMs());
    }
}

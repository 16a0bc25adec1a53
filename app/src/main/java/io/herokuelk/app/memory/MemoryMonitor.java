package io.herokuelk.app.memory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads memory every check interval to catch threshold crossings soon, and logs a full sample every sample
 * interval. One daemon platform thread; the work per tick is one small file read and a few bean calls.
 */
public final class MemoryMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryMonitor.class);

    private final MemorySampler sampler;
    private final ThresholdWatch watch;
    private final long sampleNanos;
    private final LongSupplier clock;
    private final Logger log;
    private long lastSampleNanos;
    private boolean sampledOnce;
    private ScheduledExecutorService scheduler;

    public MemoryMonitor(MemorySampler sampler, ThresholdWatch watch, Duration sampleInterval) {
        this(sampler, watch, sampleInterval, System::nanoTime, LOG);
    }

    MemoryMonitor(
            MemorySampler sampler, ThresholdWatch watch, Duration sampleInterval, LongSupplier clock, Logger log) {
        this.sampler = sampler;
        this.watch = watch;
        this.sampleNanos = sampleInterval.toNanos();
        this.clock = clock;
        this.log = log;
    }

    public synchronized void start(Duration checkInterval) {
        long periodMillis = Math.min(checkInterval.toMillis(), sampleNanos / 1_000_000);
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("memory-monitor").daemon(true).factory());
        scheduler.scheduleAtFixedRate(this::safeTick, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void safeTick() {
        try {
            tick(sampler.sample());
        } catch (RuntimeException e) {
            // A failed reading must not cancel the schedule.
            log.warn("Memory reading failed", e);
        }
    }

    /** One reading: threshold signals first, then the periodic sample when it is due. */
    synchronized void tick(MemorySnapshot snapshot) {
        long now = clock.getAsLong();
        for (ThresholdWatch.Signal signal : watch.update(snapshot.fractionOfLimit(), now)) {
            switch (signal) {
                case ThresholdWatch.Crossed c -> MemoryEvents.thresholdCrossed(log, snapshot, c.fraction(), c.repeat());
                case ThresholdWatch.Recovered r -> MemoryEvents.thresholdRecovered(log, snapshot, r.fraction());
            }
        }
        if (!sampledOnce || now - lastSampleNanos >= sampleNanos) {
            sampledOnce = true;
            lastSampleNanos = now;
            MemoryEvents.sampled(log, snapshot);
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}

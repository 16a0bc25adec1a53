package io.herokuelk.app.memory;

import io.herokuelk.app.log.ProcessIdentity;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Optional;

/** Takes {@link MemorySnapshot}s from {@code /proc} and the JVM's management beans. */
public final class MemorySampler {

    private static final double BYTES_PER_MB = 1024.0 * 1024.0;

    private final ProcessMemory processMemory;
    private final MemoryLimit limit;
    private final ProcessIdentity identity;
    private final MemoryMXBean memoryBean = ManagementFactory.getMemoryMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final Optional<BufferPoolMXBean> directPool =
            ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                    .filter(pool -> pool.getName().equals("direct"))
                    .findFirst();

    public MemorySampler(ProcessMemory processMemory, MemoryLimit limit, ProcessIdentity identity) {
        this.processMemory = processMemory;
        this.limit = limit;
        this.identity = identity;
    }

    public ProcessIdentity identity() {
        return identity;
    }

    public MemoryLimit limit() {
        return limit;
    }

    /** Whether the process's own memory can be read; without procfs the JVM's committed memory stands in. */
    public boolean readsProcessMemory() {
        return processMemory.read().isPresent();
    }

    public MemorySnapshot sample() {
        MemoryUsage heap = memoryBean.getHeapMemoryUsage();
        MemoryUsage nonHeap = memoryBean.getNonHeapMemoryUsage();
        long direct = directPool.map(BufferPoolMXBean::getMemoryUsed).orElse(0L);
        ProcessMemory.Reading reading = processMemory
                .read()
                .orElseGet(() -> new ProcessMemory.Reading(heap.getCommitted() + nonHeap.getCommitted() + direct, 0));
        long gcCount = 0;
        long gcTime = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            gcCount += Math.max(0, collector.getCollectionCount());
            gcTime += Math.max(0, collector.getCollectionTime());
        }
        return snapshot(
                reading,
                limit,
                heap,
                nonHeap,
                direct,
                ManagementFactory.getThreadMXBean().getThreadCount(),
                gcCount,
                gcTime,
                identity);
    }

    static MemorySnapshot snapshot(
            ProcessMemory.Reading reading,
            MemoryLimit limit,
            MemoryUsage heap,
            MemoryUsage nonHeap,
            long directBytes,
            int threads,
            long gcCount,
            long gcTimeMs,
            ProcessIdentity identity) {
        double usedMb = reading.usedBytes() / BYTES_PER_MB;
        return new MemorySnapshot(
                MemorySnapshot.round2(reading.rssBytes() / BYTES_PER_MB),
                MemorySnapshot.round2(reading.swapBytes() / BYTES_PER_MB),
                MemorySnapshot.round2(usedMb),
                limit,
                MemorySnapshot.round1(100.0 * usedMb / limit.mb()),
                usedMb <= limit.mb(),
                MemorySnapshot.round2(heap.getUsed() / BYTES_PER_MB),
                MemorySnapshot.round2(heap.getCommitted() / BYTES_PER_MB),
                heap.getMax() < 0 ? -1 : MemorySnapshot.round2(heap.getMax() / BYTES_PER_MB),
                MemorySnapshot.round2(nonHeap.getUsed() / BYTES_PER_MB),
                MemorySnapshot.round2(directBytes / BYTES_PER_MB),
                threads,
                gcCount,
                gcTimeMs,
                identity);
    }
}

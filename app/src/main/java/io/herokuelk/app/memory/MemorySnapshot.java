package io.herokuelk.app.memory;

import io.herokuelk.app.log.ProcessIdentity;

/**
 * One reading of the process's memory against its limit, in MiB rounded for humans.
 *
 * @param rssMb resident memory ({@code VmRSS})
 * @param swapMb swapped memory ({@code VmSwap})
 * @param usedMb rss + swap, the number Heroku's R14 compares with the quota
 * @param limit the memory limit and its source
 * @param percentOfLimit usedMb as a percentage of the limit, one decimal
 * @param withinLimit usedMb at most the limit
 * @param heapUsedMb Java heap in use
 * @param heapCommittedMb Java heap reserved from the OS
 * @param heapMaxMb the heap ceiling (-Xmx)
 * @param nonHeapUsedMb metaspace, code cache and other JVM non-heap pools
 * @param directUsedMb direct byte buffers
 * @param threads live platform threads
 * @param gcCount collections since start, all collectors
 * @param gcTimeMs time spent collecting since start, all collectors
 * @param process which process of the dyno took the reading
 */
public record MemorySnapshot(
        double rssMb,
        double swapMb,
        double usedMb,
        MemoryLimit limit,
        double percentOfLimit,
        boolean withinLimit,
        double heapUsedMb,
        double heapCommittedMb,
        double heapMaxMb,
        double nonHeapUsedMb,
        double directUsedMb,
        int threads,
        long gcCount,
        long gcTimeMs,
        ProcessIdentity process) {

    /** The used memory as a fraction of the limit, unrounded. */
    public double fractionOfLimit() {
        return usedMb / limit.mb();
    }

    static double round2(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    static double round1(double value) {
        return Math.round(value * 10.0) / 10.0;
    }
}

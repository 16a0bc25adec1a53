package io.herokuelk.bench.load;

import java.util.Arrays;
import java.util.Locale;

/** Latency samples in milliseconds, from any thread, read as percentiles once the pass is over. */
final class Latencies {

    private long[] samples = new long[1024];
    private int count;

    synchronized void add(long millis) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = millis;
    }

    /** Adds these samples to {@code other}'s, for a figure over several passes. */
    synchronized void addTo(Latencies other) {
        for (int i = 0; i < count; i++) {
            other.add(samples[i]);
        }
    }

    synchronized int count() {
        return count;
    }

    /** The smallest sample at or above the fraction {@code p} of all samples (nearest rank); -1 without samples. */
    synchronized long percentile(double p) {
        if (count == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)];
    }

    /** "p50/p99" in milliseconds, or "-" without samples. */
    String cell() {
        return count() == 0 ? "-" : String.format(Locale.ROOT, "%d / %d", percentile(0.50), percentile(0.99));
    }
}

package io.herokuelk.standin.dyno;

/**
 * A dyno's memory in MB, in Heroku's terms: {@code rss} (anonymous and shared memory), {@code cache} (file pages
 * mapped by the processes), {@code swap}. R14 and R15 are judged on {@code rss + swap}; {@code total} adds the
 * cache, as {@code sample#memory_total} does.
 */
public record MemoryUsage(double rssMb, double cacheMb, double swapMb) {

    public static final MemoryUsage NONE = new MemoryUsage(0, 0, 0);

    public double totalMb() {
        return rssMb + cacheMb + swapMb;
    }

    /** What the quota is measured against. */
    public double quotaUsedMb() {
        return rssMb + swapMb;
    }

    public MemoryUsage plus(MemoryUsage other) {
        return new MemoryUsage(rssMb + other.rssMb, cacheMb + other.cacheMb, swapMb + other.swapMb);
    }
}

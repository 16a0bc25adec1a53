package io.herokuelk.standin.manager;

import io.herokuelk.standin.dyno.MemoryUsage;
import java.util.Locale;

/**
 * The text of Heroku's log-runtime-metrics lines and of the dyno manager's memory errors, in Heroku's exact
 * shapes. {@code memory_pgpgin}/{@code pgpgout} are left out: they count a container's page-ins, which no per-process
 * figure matches, and Heroku's own lines are parsed without them too.
 */
public final class RuntimeMetricsLines {

    private RuntimeMetricsLines() {}

    public static String memorySample(String source, String dynoId, MemoryUsage usage, double quotaMb) {
        return String.format(
                Locale.ROOT,
                "source=%s dyno=%s sample#memory_total=%.2fMB sample#memory_rss=%.2fMB"
                        + " sample#memory_cache=%.2fMB sample#memory_swap=%.2fMB sample#memory_quota=%.2fMB",
                source,
                dynoId,
                usage.totalMb(),
                usage.rssMb(),
                usage.cacheMb(),
                usage.swapMb(),
                quotaMb);
    }

    /** Load averages: the machine's, since the stand-in's dynos share it. */
    public static String loadSample(String source, String dynoId, double[] loadAverages) {
        return String.format(
                Locale.ROOT,
                "source=%s dyno=%s sample#load_avg_1m=%.2f sample#load_avg_5m=%.2f" + " sample#load_avg_15m=%.2f",
                source,
                dynoId,
                loadAverages[0],
                loadAverages[1],
                loadAverages[2]);
    }

    /** {@code Process running mem=909M(177.6%)}: rss + swap against the quota. */
    public static String processRunning(MemoryUsage usage, double quotaMb) {
        return String.format(
                Locale.ROOT,
                "Process running mem=%dM(%.1f%%)",
                Math.round(usage.quotaUsedMb()),
                usage.quotaUsedMb() / quotaMb * 100);
    }

    public static final String R14 = "Error R14 (Memory quota exceeded)";
    public static final String R15 = "Error R15 (Memory quota vastly exceeded)";
}

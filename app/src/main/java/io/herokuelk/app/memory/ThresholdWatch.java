package io.herokuelk.app.memory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides when memory has crossed a warning threshold, with hysteresis so a reading that hovers around a threshold
 * does not flap: a threshold fires once when memory reaches it, and re-arms only after memory has fallen below it by
 * the hysteresis margin. While above, the highest firing threshold repeats at most once per repeat interval, because
 * Heroku keeps logging R14 for as long as a dyno is over quota. Time is passed in, so tests control it.
 */
public final class ThresholdWatch {

    /** What a reading changed. */
    public sealed interface Signal permits Crossed, Recovered {
        double fraction();
    }

    /**
     * Memory is at or above {@code fraction} of the limit.
     *
     * @param repeat false for the first crossing, true for a reminder while still above
     */
    public record Crossed(double fraction, boolean repeat) implements Signal {}

    /** Memory has fallen below {@code fraction} minus the hysteresis margin; the threshold is armed again. */
    public record Recovered(double fraction) implements Signal {}

    private final double[] fractions;
    private final double hysteresis;
    private final long repeatNanos;
    private final boolean[] firing;
    private final long[] lastWarnedNanos;

    /**
     * @param fractions thresholds as fractions of the limit, ascending
     * @param hysteresis re-arm margin as a fraction of the limit
     * @param repeat reminder interval; zero turns reminders off
     */
    public ThresholdWatch(List<Double> fractions, double hysteresis, Duration repeat) {
        this.fractions =
                fractions.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        this.hysteresis = hysteresis;
        this.repeatNanos = repeat.toNanos();
        this.firing = new boolean[this.fractions.length];
        this.lastWarnedNanos = new long[this.fractions.length];
    }

    /**
     * @param fractionOfLimit used memory divided by the limit
     * @param nowNanos a monotonic time, as from {@link System#nanoTime()}
     * @return the signals this reading raises, lowest threshold first
     */
    public synchronized List<Signal> update(double fractionOfLimit, long nowNanos) {
        List<Signal> signals = new ArrayList<>();
        int highestFiring = -1;
        boolean highestJustCrossed = false;
        for (int i = 0; i < fractions.length; i++) {
            double threshold = fractions[i];
            if (!firing[i] && fractionOfLimit >= threshold) {
                firing[i] = true;
                lastWarnedNanos[i] = nowNanos;
                signals.add(new Crossed(threshold, false));
                highestFiring = i;
                highestJustCrossed = true;
            } else if (firing[i] && fractionOfLimit < threshold - hysteresis) {
                firing[i] = false;
                signals.add(new Recovered(threshold));
            } else if (firing[i]) {
                highestFiring = i;
                highestJustCrossed = false;
            }
        }
        // Inside the hysteresis band (below the threshold, not yet re-armed) nothing is repeated.
        if (highestFiring >= 0
                && !highestJustCrossed
                && repeatNanos > 0
                && fractionOfLimit >= fractions[highestFiring]
                && nowNanos - lastWarnedNanos[highestFiring] >= repeatNanos) {
            lastWarnedNanos[highestFiring] = nowNanos;
            signals.add(new Crossed(fractions[highestFiring], true));
        }
        return signals;
    }
}

package io.herokuelk.shipper.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: attempt n waits between half and all of {@code min(max, initial * 2^n)}, so that
 * clients paused by the same outage do not retry in lockstep, yet every pause is at least half its step.
 */
public final class Backoff {

    private final long initialNanos;
    private final long maxNanos;
    private final DoubleSupplier random;

    public Backoff(Duration initial, Duration max) {
        this(initial, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
        this.random = random;
    }

    /** The pause before retry number {@code attempt} (0 for the first retry). */
    public Duration delay(int attempt) {
        long step = attempt >= 62 ? maxNanos : Math.min(maxNanos, saturatingShift(initialNanos, attempt));
        long half = step / 2;
        return Duration.ofNanos(half + (long) (random.getAsDouble() * (step - half)));
    }

    private static long saturatingShift(long value, int bits) {
        return value > (Long.MAX_VALUE >> bits) ? Long.MAX_VALUE : value << bits;
    }
}

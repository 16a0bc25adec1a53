package io.herokuelk.shipper.ingest;

import java.util.concurrent.Semaphore;

/**
 * Bounds the memory that drains hold at once, HTTPS and syslog together. A request reserves an estimate of what it
 * will hold (the body and its documents) before reading the body, or as the body arrives when its length is unknown
 * ({@link BodyReader}); when the budget is spent it is refused at once with 429, which Logplex retries, instead of
 * queueing until the heap runs out. A syslog connection reserves each batch it hands to Kafka and, when the budget is
 * spent, stops reading until its own batches are stored.
 */
public final class InFlightBudget {

    /** Parsed documents take about twice the body's bytes beside the body itself. */
    static final int MEMORY_PER_BODY_BYTE = 3;

    private static final int UNIT = 1024;

    private final Semaphore kibibytes;

    public InFlightBudget(long maxBytes) {
        this.kibibytes = new Semaphore((int) Math.min(Integer.MAX_VALUE, maxBytes / UNIT));
    }

    /** Reserves room for a body of the given size; returns the reservation, or 0 when there is none. */
    public int tryReserve(long bodyBytes) {
        int units = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bodyBytes * MEMORY_PER_BODY_BYTE / UNIT + 1));
        return kibibytes.tryAcquire(units) ? units : 0;
    }

    public void release(int reservation) {
        if (reservation > 0) {
            kibibytes.release(reservation);
        }
    }
}

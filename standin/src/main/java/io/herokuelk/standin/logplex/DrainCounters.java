package io.herokuelk.standin.logplex;

import java.util.concurrent.atomic.AtomicLong;

/** The running totals behind {@link LogplexStats}; updated by the sender thread and {@code accept} callers. */
final class DrainCounters {

    private final AtomicLong batchesDelivered = new AtomicLong();
    private final AtomicLong messagesDelivered = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong batchesDropped = new AtomicLong();
    private final AtomicLong messagesDropped = new AtomicLong();
    private final AtomicLong bufferOverflows = new AtomicLong();
    private volatile int lastStatus;
    private volatile String lastError;

    void answered(int status, String error) {
        lastStatus = status;
        lastError = error;
    }

    void failed(String error) {
        lastError = error;
    }

    void retried() {
        retries.incrementAndGet();
    }

    void delivered(Batch batch) {
        batchesDelivered.incrementAndGet();
        messagesDelivered.addAndGet(batch.lineCount());
    }

    void dropped(Batch batch) {
        batchesDropped.incrementAndGet();
        messagesDropped.addAndGet(batch.lineCount());
    }

    void overflowed(long lines) {
        bufferOverflows.addAndGet(lines);
        messagesDropped.addAndGet(lines);
    }

    /** Lines that never left because the drain closed before they could. */
    void lost(long lines) {
        messagesDropped.addAndGet(lines);
    }

    LogplexStats snapshot(int buffered) {
        return new LogplexStats(
                batchesDelivered.get(),
                messagesDelivered.get(),
                retries.get(),
                batchesDropped.get(),
                messagesDropped.get(),
                bufferOverflows.get(),
                buffered,
                lastStatus,
                lastError);
    }
}

package io.herokuelk.shipper.ingest.syslog;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Raised once when the server closes; lets a connection's retry pause end at once instead of at its deadline. */
final class ShutdownSignal {

    private final CountDownLatch raised = new CountDownLatch(1);

    void raise() {
        raised.countDown();
    }

    boolean raised() {
        return raised.getCount() == 0;
    }

    /** Waits for {@code pause}; returns true if the signal was raised meanwhile. */
    boolean awaitFor(Duration pause) throws InterruptedException {
        return raised.await(pause.toNanos(), TimeUnit.NANOSECONDS);
    }
}

package io.herokuelk.shipper.retry;

import java.time.Duration;

/** Waits between retries; tests pass one that records the pauses instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}

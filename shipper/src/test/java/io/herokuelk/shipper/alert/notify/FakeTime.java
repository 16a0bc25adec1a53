package io.herokuelk.shipper.alert.notify;

import io.herokuelk.shipper.retry.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when something "sleeps" on it, recording each pause instead of waiting. */
final class FakeTime implements Sleeper, InstantSource {

    private final List<Duration> pauses = new ArrayList<>();
    private Instant now = Instant.parse("2025-03-04T10:00:00Z");

    @Override
    public synchronized void sleep(Duration duration) {
        pauses.add(duration);
        now = now.plus(duration);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    synchronized List<Duration> pauses() {
        return List.copyOf(pauses);
    }
}

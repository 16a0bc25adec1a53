package io.herokuelk.standin.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Sends requests through the router at a fixed rate (open loop: a slow app does not slow the sender, as real
 * users do not wait for each other), and counts what came back. Latencies go into a fixed histogram of 1 ms buckets
 * up to 60 s, so memory stays constant however long it runs.
 */
public final class LoadGenerator implements AutoCloseable {

    private static final int MAX_MS = 60_000;

    private final HttpClient client;
    private final TrafficMix mix;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("load").daemon().factory());
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong clientErrors = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLongArray latencyMs = new AtomicLongArray(MAX_MS + 1);
    private volatile ScheduledFuture<?> schedule;

    /** What the load saw so far. */
    public record Totals(
            long sent, long succeeded, long clientErrors, long serverErrors, long failed, long p50Ms, long p99Ms) {

        public long answered() {
            return succeeded + clientErrors + serverErrors;
        }
    }

    public LoadGenerator(URI router) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        this.mix = new TrafficMix(router);
    }

    /** Starts sending {@code perSecond} requests a second until {@link #stop()}. */
    public synchronized void start(double perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("requests per second must be positive, not " + perSecond);
        }
        stop();
        long periodNanos = Math.max(1, Math.round(1_000_000_000 / perSecond));
        schedule = ticker.scheduleAtFixedRate(this::sendOne, 0, periodNanos, TimeUnit.NANOSECONDS);
    }

    public synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    /** Never throws: an exception would end the fixed-rate schedule without a word. */
    private void sendOne() {
        sent.incrementAndGet();
        long start = System.nanoTime();
        try {
            send(start);
        } catch (RuntimeException e) {
            failed.incrementAndGet();
        }
    }

    private void send(long start) {
        client.sendAsync(mix.next(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            latencyMs.incrementAndGet((int) Math.min(MAX_MS, (System.nanoTime() - start) / 1_000_000));
            if (error != null) {
                failed.incrementAndGet();
            } else if (response.statusCode() >= 500) {
                serverErrors.incrementAndGet();
            } else if (response.statusCode() >= 400) {
                clientErrors.incrementAndGet();
            } else {
                succeeded.incrementAndGet();
            }
        });
    }

    public Totals totals() {
        long[] counts = new long[MAX_MS + 1];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = latencyMs.get(i);
        }
        return new Totals(
                sent.get(),
                succeeded.get(),
                clientErrors.get(),
                serverErrors.get(),
                failed.get(),
                percentile(counts, 0.50),
                percentile(counts, 0.99));
    }

    static long percentile(long[] counts, double fraction) {
        long total = Arrays.stream(counts).sum();
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(total * fraction);
        long seen = 0;
        for (int ms = 0; ms < counts.length; ms++) {
            seen += counts[ms];
            if (seen >= rank) {
                return ms;
            }
        }
        return counts.length - 1;
    }

    @Override
    public void close() {
        stop();
        ticker.shutdownNow();
        client.close();
    }
}

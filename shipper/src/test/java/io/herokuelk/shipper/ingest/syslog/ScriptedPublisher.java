package io.herokuelk.shipper.ingest.syslog;

import io.herokuelk.shipper.parse.ParsedEvent;
import io.herokuelk.shipper.publish.DeadLetter;
import io.herokuelk.shipper.publish.EventPublisher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/** A publisher that fails as scripted, then stores; records every attempt, for tests without a broker. */
final class ScriptedPublisher implements EventPublisher {

    /** One call to {@link #publish}: what was offered and whether it was stored. */
    record Attempt(List<ParsedEvent> events, List<DeadLetter> deadLetters, boolean stored) {}

    private final ConcurrentLinkedQueue<Supplier<Throwable>> failures = new ConcurrentLinkedQueue<>();
    private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    private volatile Supplier<Throwable> alwaysFail;
    private final List<CompletableFuture<Void>> held = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean holding;

    /** From now on, publishes are answered only when {@link #release} is called, as a slow Kafka would. */
    ScriptedPublisher hold() {
        holding = true;
        return this;
    }

    /** Answers every held publish (stored) and stops holding. */
    void release() {
        holding = false;
        synchronized (held) {
            held.forEach(f -> f.complete(null));
            held.clear();
        }
    }

    /** The next calls fail with these, in order. */
    @SafeVarargs
    final ScriptedPublisher failNext(Supplier<Throwable>... next) {
        for (Supplier<Throwable> failure : next) {
            failures.add(failure);
        }
        return this;
    }

    ScriptedPublisher failAlways(Supplier<Throwable> failure) {
        alwaysFail = failure;
        return this;
    }

    @Override
    public CompletableFuture<Void> publish(List<ParsedEvent> events, List<DeadLetter> deadLetters) {
        Supplier<Throwable> failure = alwaysFail != null ? alwaysFail : failures.poll();
        attempts.add(new Attempt(List.copyOf(events), List.copyOf(deadLetters), failure == null));
        if (failure == null && holding) {
            CompletableFuture<Void> answer = new CompletableFuture<>();
            held.add(answer);
            return answer;
        }
        return failure == null
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(failure.get());
    }

    List<Attempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    List<ParsedEvent> stored() {
        return attempts().stream()
                .filter(Attempt::stored)
                .flatMap(a -> a.events().stream())
                .toList();
    }

    List<DeadLetter> storedDeadLetters() {
        return attempts().stream()
                .filter(Attempt::stored)
                .flatMap(a -> a.deadLetters().stream())
                .toList();
    }

    @Override
    public void close() {}
}

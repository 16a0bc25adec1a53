package io.herokuelk.shipper.alert.notify;

import io.herokuelk.shipper.alert.model.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One destination's bounded queue and the virtual thread that empties it, one alert at a time: alerts reach a
 * destination in the order submitted (a resolve never overtakes its trigger), and a destination that hangs or
 * retries holds up only its own queue.
 */
final class DestinationWorker {

    private record Pending(Alert alert, long submittedNanos) {}

    private final Destination destination;
    private final BlockingQueue<Pending> queue;
    private final RecentIds recent;
    private final RetryingDelivery retrying;
    private final DeliveryMetrics metrics;
    private final Thread thread;
    private volatile boolean closing;
    /** Alerts queued or being delivered: zero means everything submitted has an outcome. */
    private final AtomicInteger unsettled = new AtomicInteger();

    DestinationWorker(
            Destination destination, NotifierSettings settings, RetryingDelivery retrying, DeliveryMetrics metrics) {
        this.destination = destination;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.recent = new RecentIds(settings.rememberedIds());
        this.retrying = retrying;
        this.metrics = metrics;
        this.thread =
                Thread.ofVirtual().name("alert-delivery-" + destination.name()).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Queues the alert unless this destination already has its id; never blocks. */
    void offer(Alert alert) {
        if (!recent.claim(alert.id())) {
            metrics.duplicate(destination.name(), alert);
            return;
        }
        if (closing) {
            recent.release(alert.id());
            metrics.dropped(destination.name(), alert, "shutdown");
            return;
        }
        unsettled.incrementAndGet();
        if (!queue.offer(new Pending(alert, System.nanoTime()))) {
            unsettled.decrementAndGet();
            recent.release(alert.id());
            metrics.dropped(destination.name(), alert, "full");
        }
    }

    private void run() {
        try {
            while (true) {
                // a short poll rather than take(), so that an idle worker notices close() without a poison pill
                Pending next = queue.poll(50, TimeUnit.MILLISECONDS);
                if (next == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                try {
                    RetryingDelivery.Result result = retrying.deliver(destination, next.alert(), next.submittedNanos());
                    if (result == RetryingDelivery.Result.GAVE_UP) {
                        recent.release(next.alert().id()); // a later redelivery of it deserves a fresh try
                    }
                } finally {
                    unsettled.decrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            // close() ran out of time: what is left in the queue is counted there
        }
    }

    boolean settled() {
        return unsettled.get() == 0;
    }

    /** Stops taking alerts; the worker finishes the queue on its own until {@link #stop(long)}. */
    void beginClose() {
        closing = true;
    }

    /** Waits until the deadline for the queue to empty, then interrupts; counts what was never attempted. */
    void stop(long deadlineNanos) throws InterruptedException {
        long wait = deadlineNanos - System.nanoTime();
        if (wait > 0) {
            thread.join(Duration.ofNanos(wait));
        }
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(1));
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        for (Pending pending : left) {
            metrics.dropped(destination.name(), pending.alert(), "shutdown");
        }
    }
}

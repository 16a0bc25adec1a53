package io.herokuelk.shipper.ingest.syslog;

import io.herokuelk.shipper.ingest.InFlightBudget;
import io.herokuelk.shipper.ingest.syslog.BatchDelivery.Outcome;
import io.herokuelk.shipper.ingest.syslog.BatchDelivery.Pending;
import io.herokuelk.shipper.parse.DrainContext;
import io.herokuelk.shipper.parse.ParsedBatch;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One connection's batches handed to Kafka and not yet acknowledged, oldest first. A Heroku syslog drain is one long
 * connection: waiting for Kafka after every read would cap it at one batch per round trip, so the connection reads on
 * while at most {@code maxBytes} of what it read are unacknowledged, and within the drains' shared
 * {@link InFlightBudget}. Past either bound it waits for its oldest batches: the sender's TCP buffers fill, not our
 * heap. What a crash can lose on this path is what is in flight here.
 */
final class InFlight {

    private record Held(Pending pending, int reservation) {}

    private final BatchDelivery delivery;
    private final InFlightBudget budget;
    private final long maxBytes;
    private final Deque<Held> held = new ArrayDeque<>();
    private long bytes;

    InFlight(BatchDelivery delivery, InFlightBudget budget, long maxBytes) {
        this.delivery = delivery;
        this.budget = budget;
        this.maxBytes = maxBytes;
    }

    /**
     * Hands a batch to Kafka, then retires what Kafka already holds and waits for the oldest while this connection
     * or the drains together hold too much. False when a batch was abandoned (the server is closing): stop reading.
     */
    boolean add(ParsedBatch batch, DrainContext context, long readBytes) {
        int reservation = budget.tryReserve(readBytes);
        while (reservation == 0 && !held.isEmpty()) {
            // The drains' budget is spent: free our own share before taking more.
            if (!retireOldest()) {
                return false;
            }
            reservation = budget.tryReserve(readBytes);
        }
        held.add(new Held(delivery.start(batch, context, readBytes), reservation));
        bytes += readBytes;
        while (!held.isEmpty()
                && (bytes > maxBytes || held.peek().pending().sent().isDone())) {
            if (!retireOldest()) {
                return false;
            }
        }
        return true;
    }

    /** Waits for every batch still in flight, oldest first; false when one was abandoned. */
    boolean drain() {
        while (!held.isEmpty()) {
            if (!retireOldest()) {
                return false;
            }
        }
        return true;
    }

    private boolean retireOldest() {
        Held oldest = held.poll();
        bytes -= oldest.pending().bytes();
        try {
            if (delivery.finish(oldest.pending()) == Outcome.ABANDONED) {
                abandonRest();
                return false;
            }
            return true;
        } finally {
            budget.release(oldest.reservation());
        }
    }

    /** The server is closing: the batches behind an abandoned one are given up with it, and said so. */
    private void abandonRest() {
        while (!held.isEmpty()) {
            Held next = held.poll();
            bytes -= next.pending().bytes();
            budget.release(next.reservation());
            if (!next.pending().sent().isDone() || next.pending().sent().isCompletedExceptionally()) {
                delivery.abandoned(next.pending().batch(), "the server closed before Kafka confirmed them");
            }
        }
    }
}

package io.herokuelk.shipper.ingest.syslog;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections both listeners hold open, at most {@code max}: each runs on its own virtual thread and gives its
 * place back when it ends. Closing them all waits a grace period for batches already handed to Kafka.
 */
final class OpenConnections {

    private static final Logger LOG = LoggerFactory.getLogger(OpenConnections.class);

    private final int max;
    private final Semaphore places;
    private final Map<Socket, Thread> open = new ConcurrentHashMap<>();

    OpenConnections(int max) {
        this.max = max;
        this.places = new Semaphore(max);
    }

    int max() {
        return max;
    }

    int size() {
        return open.size();
    }

    /** Runs {@code connection} on a new virtual thread, or returns false when all places are taken. */
    boolean tryOpen(Socket socket, String threadName, Runnable connection) {
        if (!places.tryAcquire()) {
            return false;
        }
        Thread thread = Thread.ofVirtual().name(threadName).unstarted(() -> {
            try {
                connection.run();
            } finally {
                open.remove(socket);
                places.release();
            }
        });
        open.put(socket, thread);
        thread.start();
        return true;
    }

    /**
     * Closes every socket (a reading connection ends at once; one waiting for Kafka finds out when Kafka answers),
     * waits up to {@code grace} for the threads, then interrupts those still waiting.
     */
    void closeAll(Duration grace) {
        open.keySet().forEach(OpenConnections::closeQuietly);
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread thread : open.values()) {
            joinUntil(thread, deadline);
        }
        if (open.isEmpty()) {
            return;
        }
        LOG.warn(
                "{} syslog connections still wait for Kafka after {} ms; interrupting them.",
                open.size(),
                grace.toMillis());
        open.values().forEach(Thread::interrupt);
        long last = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        for (Thread thread : open.values()) {
            joinUntil(thread, last);
        }
        if (!open.isEmpty()) {
            LOG.warn("{} syslog connection threads did not end after being interrupted.", open.size());
        }
    }

    private static void joinUntil(Thread thread, long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            return;
        }
        try {
            thread.join(Duration.ofNanos(remaining));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all that is wanted; a socket that fails to close is already unusable
        }
    }
}

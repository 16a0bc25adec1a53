package io.herokuelk.standin.logplex;

import io.herokuelk.standin.LogLine;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The drain's bounded buffer: producers never wait (a full buffer refuses the line), the sender waits for lines,
 * and closing wakes it at once so that it can flush what is left.
 */
final class LineBuffer {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<LogLine> lines;
    private final int capacity;
    private boolean closed;

    LineBuffer(int capacity) {
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** Whether the line was taken; {@code false} when the buffer is full. */
    boolean offer(LogLine line) {
        lock.lock();
        try {
            if (lines.size() >= capacity) {
                return false;
            }
            lines.addLast(line);
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The oldest line, waiting up to {@code nanos} for one; {@code null} when none came in time, or at once when the
     * buffer is closed and empty.
     */
    LogLine poll(long nanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (lines.isEmpty() && !closed && nanos > 0) {
                nanos = notEmpty.awaitNanos(nanos);
            }
            return lines.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code nanos} for a line; {@code true} when one is there. */
    boolean await(long nanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (lines.isEmpty() && !closed && nanos > 0) {
                nanos = notEmpty.awaitNanos(nanos);
            }
            return !lines.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Empties the buffer; how many lines it held. */
    int clear() {
        lock.lock();
        try {
            int n = lines.size();
            lines.clear();
            return n;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return lines.size();
        } finally {
            lock.unlock();
        }
    }
}

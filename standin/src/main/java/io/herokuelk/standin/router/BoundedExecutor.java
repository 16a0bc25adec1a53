package io.herokuelk.standin.router;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Runs each request on a virtual thread, at most {@code limit} at once; the rest wait in line (cheaply, being
 * virtual threads) instead of piling onto the dynos.
 */
final class BoundedExecutor implements java.util.concurrent.Executor, AutoCloseable {

    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("router-", 0).factory());
    private final Semaphore permits;

    BoundedExecutor(int limit) {
        this.permits = new Semaphore(limit, true);
    }

    @Override
    public void execute(Runnable task) {
        threads.execute(() -> {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                return; // shutting down
            }
            try {
                task.run();
            } finally {
                permits.release();
            }
        });
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}

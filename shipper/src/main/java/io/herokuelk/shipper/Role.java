package io.herokuelk.shipper;

import io.herokuelk.shipper.telemetry.Readiness;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * A long-running part of the shipper with its settings read and checked, ready to start: the indexer or the alerter.
 * A command starts one or several with {@link Roles#run}.
 */
interface Role {

    /**
     * Starts the role's threads and returns it running; its metrics go to {@code registry}, and it adds a probe to
     * {@code readiness} for each downstream it needs.
     */
    Running start(PrometheusRegistry registry, Readiness readiness) throws Exception;

    /**
     * A started role.
     *
     * @param name      for log lines
     * @param stopped   blocks until the role has stopped, asked to or not
     * @param stop      stops the role, letting it finish the batch under way, and releases its clients
     */
    record Running(String name, Awaitable stopped, Runnable stop) {}

    /** Something to wait for. */
    @FunctionalInterface
    interface Awaitable {
        void await() throws InterruptedException;
    }
}

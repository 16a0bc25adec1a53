package io.herokuelk.devstack.runner;

import java.nio.file.Path;

/**
 * A real service started on this machine for tests and local runs: a Kafka broker or an Elasticsearch node.
 *
 * <p>Implementations hide how the service is started (in this JVM, or as a child process that never outlives us)
 * so that tests and the local stack depend only on this interface.
 */
public interface LocalService extends AutoCloseable {

    /** A short name for messages, such as {@code kafka} or {@code elasticsearch}. */
    String name();

    /**
     * Starts the service and returns once it answers requests.
     *
     * @throws ServiceStartException with an actionable message and the tail of the service's log
     */
    void start() throws ServiceStartException;

    /** Where clients connect: {@code host:port} for Kafka, {@code http://host:port} for Elasticsearch. */
    String address();

    /** The service's own log file, kept after the service stops. */
    Path logFile();

    /** Whether the service is running now. */
    boolean isRunning();

    /** Stops the service and waits for it to be gone. Safe to call more than once. */
    @Override
    void close();
}

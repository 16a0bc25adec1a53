package io.herokuelk.devstack.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The members of a local cluster, started together: each waits for a quorum of its peers, so one by one never ends. */
final class Members {

    private Members() {}

    /**
     * Starts every member at once and waits for all; if one fails, stops the whole cluster and says which kind of
     * member failed ({@code "An Elasticsearch node"}).
     */
    static void startTogether(List<? extends LocalService> members, String member, LocalService cluster)
            throws ServiceStartException {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> starts = new ArrayList<>();
            for (LocalService service : members) {
                starts.add(executor.submit(() -> {
                    service.start();
                    return null;
                }));
            }
            for (Future<?> start : starts) {
                try {
                    start.get();
                } catch (ExecutionException e) {
                    cluster.close();
                    throw e.getCause() instanceof ServiceStartException s
                            ? s
                            : new ServiceStartException(member + " failed to start: " + e.getCause(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cluster.close();
                    throw new ServiceStartException("Interrupted while starting " + cluster.name() + ".");
                }
            }
        }
    }
}

package io.herokuelk.shipper.telemetry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the process can do its work now: each downstream it needs ({@code kafka}, {@code elasticsearch}) is checked
 * in the background every {@link #INTERVAL}, and {@code /readyz} answers from the last results at once. Liveness
 * ({@code /healthz}) is separate: an unreachable broker makes the process unready, never "dead" (a restart would not
 * bring the broker back).
 */
public final class Readiness implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

    /** A downstream to check; {@link #check} throws, with a sentence, when it is not usable. */
    public interface Probe {
        String name();

        void check() throws Exception;
    }

    /** One check's last result. */
    public record Status(boolean up, String detail) {
        static final Status UNCHECKED = new Status(false, "not checked yet");
    }

    private final Map<String, Status> statuses = new LinkedHashMap<>();
    private final List<Probe> probes = new ArrayList<>();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("readiness").daemon().factory());

    /** Adds a probe and checks it now and every {@link #INTERVAL}; a second probe of the same name is ignored. */
    public synchronized void add(Probe probe) {
        if (statuses.containsKey(probe.name())) {
            return;
        }
        statuses.put(probe.name(), Status.UNCHECKED);
        probes.add(probe);
        checks.scheduleWithFixedDelay(() -> run(probe), 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run(Probe probe) {
        Status status;
        try {
            probe.check();
            status = new Status(true, "reachable");
        } catch (Exception e) {
            status = new Status(false, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        Status before;
        synchronized (this) {
            before = statuses.put(probe.name(), status);
        }
        if (before != null && before.up() != status.up()) {
            if (status.up()) {
                LOG.info("{} is reachable again: ready.", probe.name());
            } else {
                LOG.warn("{} is not usable ({}): not ready.", probe.name(), status.detail());
            }
        }
    }

    /** The last result of every check. */
    public synchronized Map<String, Status> statuses() {
        return Map.copyOf(statuses);
    }

    /** Ready when every check passed last time (and there is at least one). */
    public synchronized boolean ready() {
        return !statuses.isEmpty() && statuses.values().stream().allMatch(Status::up);
    }

    /** Stops checking and closes the probes that hold clients. */
    @Override
    public synchronized void close() {
        checks.shutdownNow();
        for (Probe probe : probes) {
            if (probe instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.debug("Closing the {} probe failed: {}", probe.name(), e.toString());
                }
            }
        }
    }
}

package io.herokuelk.standin.dyno;

import io.herokuelk.standin.LogSink;
import io.herokuelk.standin.router.RouteTarget;
import io.herokuelk.standin.router.RoutingTable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The app's web dynos ({@code web.1} .. {@code web.N}) and the release they run. The router asks it for a dyno:
 * a random one of those up, as Heroku's router picks, then the next of that dyno's processes.
 */
public final class Formation implements RoutingTable, AutoCloseable {

    private final List<Dyno> dynos;

    public Formation(int count, Path appRoot, LogSink sink, Clock clock) {
        this(count, appRoot, sink, clock, Dyno.DEFAULT_BOOT_TIMEOUT, Dyno.DEFAULT_STOP_GRACE);
    }

    public Formation(int count, Path appRoot, LogSink sink, Clock clock, Duration bootTimeout, Duration stopGrace) {
        if (count < 1) {
            throw new IllegalArgumentException("A formation has at least one dyno, not " + count);
        }
        List<Dyno> all = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            all.add(new Dyno("web." + i, appRoot, sink, clock, bootTimeout, stopGrace));
        }
        this.dynos = List.copyOf(all);
    }

    public List<Dyno> dynos() {
        return dynos;
    }

    /** Starts every dyno on the release, together, and waits until each is up (or failed to boot). */
    public void start(Release release) throws InterruptedException {
        onEveryDyno(dyno -> dyno.start(release));
    }

    /** A new release: every dyno is stopped and started again on it, as a deploy or a config change does. */
    public void deploy(Release release) throws InterruptedException {
        onEveryDyno(dyno -> {
            dyno.stop();
            dyno.start(release);
        });
    }

    public boolean allUp() {
        return dynos.stream().allMatch(dyno -> dyno.state() == DynoState.UP);
    }

    @Override
    public Optional<RouteTarget> pick() {
        List<Dyno> up =
                dynos.stream().filter(dyno -> dyno.state() == DynoState.UP).toList();
        if (up.isEmpty()) {
            return Optional.empty();
        }
        Dyno dyno = up.get(ThreadLocalRandom.current().nextInt(up.size()));
        return dyno.pickProcess().map(address -> new RouteTarget(dyno.name(), address));
    }

    /** Stops every dyno (SIGTERM, then SIGKILL after the grace). */
    @Override
    public void close() {
        try {
            onEveryDyno(Dyno::stop);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface DynoAction {
        void apply(Dyno dyno) throws InterruptedException;
    }

    private void onEveryDyno(DynoAction action) throws InterruptedException {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (Dyno dyno : dynos) {
                done.add(executor.submit(() -> {
                    action.apply(dyno);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("A dyno failed: " + e.getCause(), e.getCause());
                }
            }
        }
    }
}

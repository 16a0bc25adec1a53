package io.herokuelk.standin.manager;

import io.herokuelk.standin.LogLine;
import io.herokuelk.standin.LogSink;
import io.herokuelk.standin.dyno.Dyno;
import io.herokuelk.standin.dyno.DynoState;
import io.herokuelk.standin.dyno.Formation;
import io.herokuelk.standin.dyno.MemoryUsage;
import io.herokuelk.standin.dyno.ProcessTreeMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Heroku's runtime metrics and dyno manager for the formation: per dyno, every sample interval, the memory and load
 * lines read from the dyno's real processes, with {@code Process running mem=..} and R14 while rss + swap exceeds
 * the quota; R15 and a SIGKILL as soon as it reaches the R15 limit; and a crashed dyno started again after a delay.
 */
public final class DynoManager implements AutoCloseable {

    /** A dyno's memory as the manager read it. */
    public record Sample(String dyno, Instant at, MemoryUsage usage, double quotaMb) {

        public double percentOfQuota() {
            return usage.quotaUsedMb() / quotaMb * 100;
        }
    }

    private final Formation formation;
    private final ProcessTreeMemory memory;
    private final LogSink sink;
    private final Clock clock;
    private final ManagerSettings settings;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("dyno-manager").daemon().factory());
    private final Map<String, Sample> latest = new ConcurrentHashMap<>();
    private final List<java.util.function.Consumer<Sample>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public DynoManager(
            Formation formation, ProcessTreeMemory memory, LogSink sink, Clock clock, ManagerSettings settings) {
        this.formation = formation;
        this.memory = memory;
        this.sink = sink;
        this.clock = clock;
        this.settings = settings;
        for (Dyno dyno : formation.dynos()) {
            dyno.onCrash(() -> restartLater(dyno));
        }
    }

    public ManagerSettings settings() {
        return settings;
    }

    /** Called with every runtime-metrics sample, after its lines went out. */
    public void onSample(java.util.function.Consumer<Sample> listener) {
        listeners.add(listener);
    }

    public void start() {
        long sampleMillis = settings.sampleInterval().toMillis();
        long checkMillis = settings.checkInterval().toMillis();
        scheduler.scheduleAtFixedRate(
                () -> guarded(this::sampleAll), sampleMillis, sampleMillis, TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(() -> guarded(this::enforceR15), checkMillis, checkMillis, TimeUnit.MILLISECONDS);
    }

    /** The dyno's memory now, read from its processes (not a sample: no line goes out). */
    public Sample read(Dyno dyno) {
        return new Sample(dyno.name(), clock.instant(), memory.of(dyno.processes()), settings.quotaMb());
    }

    /** The last sample of each dyno, by dyno name. */
    public Map<String, Sample> latest() {
        return Map.copyOf(latest);
    }

    void sampleAll() {
        double[] load = loadAverages();
        for (Dyno dyno : formation.dynos()) {
            if (dyno.state() != DynoState.UP) {
                continue;
            }
            Sample sample = read(dyno);
            platform(
                    dyno,
                    RuntimeMetricsLines.memorySample(dyno.name(), dyno.dynoId(), sample.usage(), settings.quotaMb()));
            platform(dyno, RuntimeMetricsLines.loadSample(dyno.name(), dyno.dynoId(), load));
            if (sample.usage().quotaUsedMb() > settings.quotaMb()) {
                platform(dyno, RuntimeMetricsLines.processRunning(sample.usage(), settings.quotaMb()));
                platform(dyno, RuntimeMetricsLines.R14);
            }
            latest.put(dyno.name(), sample);
            listeners.forEach(listener -> listener.accept(sample));
        }
    }

    void enforceR15() {
        for (Dyno dyno : formation.dynos()) {
            if (dyno.state() != DynoState.UP) {
                continue;
            }
            Sample sample = read(dyno);
            if (sample.usage().quotaUsedMb() >= settings.r15LimitMb()) {
                platform(dyno, RuntimeMetricsLines.processRunning(sample.usage(), settings.quotaMb()));
                platform(dyno, RuntimeMetricsLines.R15);
                dyno.kill();
            }
        }
    }

    private void restartLater(Dyno dyno) {
        if (closed) {
            return;
        }
        scheduler.schedule(
                () -> Thread.ofVirtual().name(dyno.name() + "-restart").start(() -> {
                    try {
                        if (!closed && dyno.state() == DynoState.CRASHED) {
                            dyno.start(dyno.release());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }),
                settings.restartDelay().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void platform(Dyno dyno, String text) {
        sink.accept(LogLine.heroku(clock.instant(), dyno.name(), text));
    }

    /** A failing round must not end the schedule: it is reported and the next round runs. */
    private static void guarded(Runnable round) {
        try {
            round.run();
        } catch (RuntimeException e) {
            System.err.println("Dyno manager round failed: " + e);
        }
    }

    private static double[] loadAverages() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return new double[] {
                Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2])
            };
        } catch (IOException | RuntimeException e) {
            return new double[] {0, 0, 0};
        }
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
    }
}

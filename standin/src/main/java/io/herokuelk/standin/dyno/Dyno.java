package io.herokuelk.standin.dyno;

import io.herokuelk.standin.LogLine;
import io.herokuelk.standin.LogSink;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One dyno ({@code web.1}): its release's processes, their output captured as app lines, and the dyno manager's
 * lines about it (starting, state changes, exits), as Heroku writes them. A process that exits on its own crashes
 * the dyno, and its other processes are killed with it: a dyno is one container.
 */
public final class Dyno {

    /** Heroku gives Java apps 90 s to bind {@code $PORT}. */
    static final Duration DEFAULT_BOOT_TIMEOUT = Duration.ofSeconds(90);
    /** Heroku's grace between SIGTERM and SIGKILL. */
    static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Path appRoot;
    private final LogSink sink;
    private final Clock clock;
    private final Duration bootTimeout;
    private final Duration stopGrace;
    private final AtomicInteger nextProcess = new AtomicInteger();

    private volatile DynoState state = DynoState.DOWN;
    private volatile List<Worker> workers = List.of();
    private volatile String dynoId = "";
    private volatile Release release;
    private int generation;
    private boolean stopping;
    private final List<Runnable> crashListeners = new ArrayList<>();

    /** One process of the dyno and the port it serves. */
    public record Worker(Process process, int port) {}

    public Dyno(String name, Path appRoot, LogSink sink, Clock clock, Duration bootTimeout, Duration stopGrace) {
        this.name = name;
        this.appRoot = appRoot;
        this.sink = sink;
        this.clock = clock;
        this.bootTimeout = bootTimeout;
        this.stopGrace = stopGrace;
    }

    public String name() {
        return name;
    }

    public DynoState state() {
        return state;
    }

    /** Changes at every start, as Heroku's {@code dyno=heroku.<n>.<uuid>} does; {@code source} stays the name. */
    public String dynoId() {
        return dynoId;
    }

    public Release release() {
        return release;
    }

    public List<ProcessHandle> processes() {
        return workers.stream().map(worker -> worker.process().toHandle()).toList();
    }

    /** Called (on another thread) whenever the dyno crashes, so the dyno manager can restart it. */
    public synchronized void onCrash(Runnable listener) {
        crashListeners.add(listener);
    }

    /** A process to send a request to, round robin over the dyno's processes; empty unless the dyno is up. */
    public Optional<InetSocketAddress> pickProcess() {
        List<Worker> current = workers;
        if (state != DynoState.UP || current.isEmpty()) {
            return Optional.empty();
        }
        Worker worker = current.get(Math.floorMod(nextProcess.getAndIncrement(), current.size()));
        return Optional.of(new InetSocketAddress("127.0.0.1", worker.port()));
    }

    /** Starts the release's processes and waits until every one of them listens on its port (or R10). */
    public void start(Release release) throws InterruptedException {
        List<Worker> started;
        int startedGeneration;
        synchronized (this) {
            if (state == DynoState.UP || state == DynoState.STARTING) {
                throw new IllegalStateException(name + " is already " + state.wireName());
            }
            this.release = release;
            startedGeneration = ++generation;
            stopping = false;
            dynoId =
                    "heroku." + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999) + "." + UUID.randomUUID();
            changeState(DynoState.STARTING);
            platform("Starting process with command `" + release.command() + "`");
            started = new ArrayList<>();
            try {
                for (int i = 0; i < release.processes(); i++) {
                    started.add(launch(release, startedGeneration, i + 1));
                }
            } catch (IOException e) {
                started.forEach(worker -> ProcessGroups.signal(worker.process(), true));
                platform("Process exited with status 127");
                platform("bash: " + e.getMessage());
                changeState(DynoState.CRASHED);
                return;
            }
            workers = List.copyOf(started);
        }
        awaitBound(started, startedGeneration);
    }

    private Worker launch(Release release, int startedGeneration, int workerIndex) throws IOException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(ProcessGroups.command(release.command()))
                .directory(appRoot.toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment(release, port, workerIndex));
        Process process = builder.start();
        Thread.ofVirtual().name(name + "-stdout").start(new StdoutCapture(process.getInputStream(), name, sink, clock));
        process.onExit().thenAccept(exited -> exited(startedGeneration, exited.exitValue()));
        return new Worker(process, port);
    }

    /**
     * A process's environment: the config vars, then what Heroku sets itself, and {@code WORKER_INDEX}, which a
     * launcher of several processes per dyno sets (Heroku runs one command; here the stand-in is that launcher).
     */
    private Map<String, String> environment(Release release, int port, int workerIndex) {
        Map<String, String> environment = new HashMap<>(release.configVars());
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        environment.put("PATH", javaBin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HOME", appRoot.toString());
        environment.put("DYNO", name);
        environment.put("PORT", Integer.toString(port));
        if (release.processes() > 1) {
            environment.put("WORKER_INDEX", Integer.toString(workerIndex));
        }
        return environment;
    }

    private void awaitBound(List<Worker> started, int startedGeneration) throws InterruptedException {
        long deadline = System.nanoTime() + bootTimeout.toNanos();
        List<Worker> waiting = new ArrayList<>(started);
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            synchronized (this) {
                if (generation != startedGeneration || state != DynoState.STARTING) {
                    return; // crashed or stopped while booting
                }
            }
            waiting.removeIf(worker -> listens(worker.port()));
            if (!waiting.isEmpty()) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
        synchronized (this) {
            if (generation != startedGeneration || state != DynoState.STARTING) {
                return;
            }
            if (waiting.isEmpty()) {
                changeState(DynoState.UP);
                return;
            }
            platform("Error R10 (Boot timeout) -> Web process failed to bind to $PORT within " + bootTimeout.toSeconds()
                    + " seconds of launch");
            platform("Stopping process with SIGKILL");
            stopping = true; // the exits that follow are this kill's, not a crash of their own
        }
        killAll(started);
        synchronized (this) {
            if (generation == startedGeneration) {
                platform("Process exited with status 137");
                changeState(DynoState.CRASHED);
                workers = List.of();
            }
        }
        notifyCrash();
    }

    /** SIGTERM, then SIGKILL after the grace, as a restart, a new release or a scale down does. */
    public void stop() {
        List<Worker> current;
        synchronized (this) {
            if (state == DynoState.DOWN || state == DynoState.CRASHED) {
                state = DynoState.DOWN;
                return;
            }
            stopping = true;
            current = workers;
            platform("Stopping all processes with SIGTERM");
        }
        current.forEach(worker -> ProcessGroups.signal(worker.process(), false));
        boolean graceful = awaitExit(current, stopGrace);
        if (!graceful) {
            platform("Error R12 (Exit timeout) -> At least one process failed to exit within " + stopGrace.toSeconds()
                    + " seconds of SIGTERM");
            platform("Stopping remaining processes with SIGKILL");
            killAll(current);
        }
        ended(current, DynoState.DOWN);
    }

    /** The dyno manager's SIGKILL (R15): every process dies at once, and the dyno has crashed. */
    public void kill() {
        List<Worker> current;
        synchronized (this) {
            if (state != DynoState.UP && state != DynoState.STARTING) {
                return;
            }
            stopping = true;
            current = workers;
            platform("Stopping process with SIGKILL");
        }
        killAll(current);
        ended(current, DynoState.CRASHED);
        notifyCrash();
    }

    /** The processes are gone: the dyno manager's exit line, and the state the dyno ends in. */
    private synchronized void ended(List<Worker> current, DynoState next) {
        platform("Process exited with status " + exitStatus(current));
        changeState(next);
        workers = List.of();
    }

    /** A process exited: unless the dyno is being stopped, the dyno crashed; its other processes go with it. */
    private void exited(int exitedGeneration, int status) {
        List<Worker> all;
        synchronized (this) {
            if (exitedGeneration != generation || stopping) {
                return;
            }
            stopping = true;
            all = workers; // the exited one too: what it started may still run in its group
            platform("Process exited with status " + status);
            changeState(DynoState.CRASHED);
            workers = List.of();
        }
        killAll(all);
        notifyCrash();
    }

    private void notifyCrash() {
        List<Runnable> listeners;
        synchronized (this) {
            listeners = List.copyOf(crashListeners);
        }
        listeners.forEach(Runnable::run);
    }

    private static void killAll(List<Worker> current) {
        current.forEach(worker -> ProcessGroups.signal(worker.process(), true));
        awaitExit(current, Duration.ofSeconds(10));
    }

    private static boolean awaitExit(List<Worker> current, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Worker worker : current) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!worker.process().waitFor(left, TimeUnit.NANOSECONDS)) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The status the dyno manager reports: the first process's, as a dyno has one command. */
    private static int exitStatus(List<Worker> current) {
        return current.isEmpty() || current.getFirst().process().isAlive()
                ? 0
                : current.getFirst().process().exitValue();
    }

    private void changeState(DynoState next) {
        DynoState previous = state;
        state = next;
        if (previous != next) {
            platform("State changed from " + previous.wireName() + " to " + next.wireName());
        }
    }

    private void platform(String text) {
        sink.accept(LogLine.heroku(clock.instant(), name, text));
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}

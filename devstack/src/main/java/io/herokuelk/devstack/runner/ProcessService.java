package io.herokuelk.devstack.runner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the services that run as child processes share: one {@link ChildProcess} at a time, the address it
 * announced once ready, and a stop that waits for it to be gone.
 */
public abstract class ProcessService implements LocalService {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Duration stopGrace;
    protected final Path directory;
    private ChildProcess child;
    private String address;

    ProcessService(String name, Path directory, Duration stopGrace) {
        this.name = name;
        this.directory = directory.toAbsolutePath();
        this.stopGrace = stopGrace;
    }

    @Override
    public String name() {
        return name;
    }

    /** Starts the child; its output goes to {@link #logFile()}. */
    protected final void launch(List<String> command, Map<String, String> environment) throws ServiceStartException {
        try {
            Files.createDirectories(directory);
            child = ChildProcess.start(command, environment, directory, logFile());
        } catch (IOException e) {
            throw new ServiceStartException("Could not launch " + name + ": " + e.getMessage(), e);
        }
    }

    protected final ChildProcess child() {
        return child;
    }

    /** Records where clients connect, once the service answers. */
    protected final synchronized void ready(String address) {
        this.address = address;
    }

    /** Fails the start: stops the child and explains with the log's tail. */
    protected final ServiceStartException failed(String message) {
        if (child != null) {
            child.stop(stopGrace);
        }
        return ServiceStartException.withLog(message, logFile(), null);
    }

    /** Whether {@code GET url} answers 200 with a body the predicate accepts. */
    protected static boolean answers(String url, Predicate<String> body) {
        return answers(url, Map.of(), body);
    }

    /** Whether {@code GET url} with these request headers answers 200 with a body the predicate accepts. */
    protected static boolean answers(String url, Map<String, String> headers, Predicate<String> body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .GET();
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && body.test(response.body());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized String address() {
        if (address == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return address;
    }

    @Override
    public synchronized boolean isRunning() {
        return child != null && child.isAlive();
    }

    /**
     * Kills the service at once, as a crash or {@code kill -9} would, without letting it stop cleanly; {@link #start}
     * starts it again on its data.
     */
    public synchronized void kill() {
        if (child == null) {
            return;
        }
        ProcessHandle.of(servicePid()).ifPresent(ProcessHandle::destroyForcibly);
        child.stop(Duration.ofSeconds(10));
        child = null;
        address = null;
    }

    /**
     * The process that is the service itself, not the guard script around it: the guard's child other than its
     * watcher (a bash subshell). Signals and {@code /proc} readings must reach this one: a SIGKILL of the guard
     * would only let the watcher stop the service cleanly.
     */
    protected long servicePid() {
        return ProcessHandle.of(child.pid()).stream()
                .flatMap(ProcessHandle::children)
                .filter(p -> p.info().command().map(c -> !c.endsWith("/bash")).orElse(false))
                .mapToLong(ProcessHandle::pid)
                .findFirst()
                .orElse(child.pid());
    }

    /** The service's own process id, for measuring it ({@code /proc/<pid>/status}) or signalling it. */
    public synchronized long processId() {
        if (child == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return servicePid();
    }

    @Override
    public synchronized void close() {
        if (child != null) {
            child.stop(stopGrace);
            child = null;
            address = null;
        }
    }
}

package io.herokuelk.elk.runner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of the project's own programs ({@code java -jar shipper.jar ingest}, the app) as a child process of the local
 * stack, behind the same guard as the other services, ready when its health URL answers 200 (or, without one, once
 * it has run for a moment).
 */
public final class JavaProcess implements LocalService {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Path directory;
    private final List<String> javaArguments;
    private final Map<String, String> environment;
    private final String address;
    private final String healthPath;
    private final boolean runsToCompletion;
    private ChildProcess child;

    /**
     * @param javaArguments what follows {@code java}, such as {@code -Xmx256m -jar shipper.jar ingest}
     * @param address       what {@link #address()} reports, such as {@code http://127.0.0.1:5000}
     * @param healthPath    path under the address that answers 200 when ready, or null
     * @param runsToCompletion a one-shot command (such as {@code setup}): started means it exited with status 0
     */
    public JavaProcess(String name, Path directory, List<String> javaArguments, Map<String, String> environment,
                       String address, String healthPath, boolean runsToCompletion) {
        this.name = name;
        this.directory = directory.toAbsolutePath();
        this.javaArguments = javaArguments;
        this.environment = environment;
        this.address = address;
        this.healthPath = healthPath;
        this.runsToCompletion = runsToCompletion;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start() throws ServiceStartException {
        if (child != null && child.isAlive()) {
            return;
        }
        List<String> service = new ArrayList<>();
        service.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        service.addAll(javaArguments);
        try {
            Files.createDirectories(directory);
            Guard.install(directory);
            child = ChildProcess.start(Guard.command(directory, service), environment, directory, logFile());
        } catch (IOException e) {
            throw new ServiceStartException("Could not launch " + name + ": " + e.getMessage(), e);
        }
        awaitReady();
    }

    private void awaitReady() throws ServiceStartException {
        if (runsToCompletion) {
            awaitExit();
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + (healthPath == null ? Duration.ofSeconds(3) : START_TIMEOUT).toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw ServiceStartException.withLog(name + " exited while starting.", logFile(), null);
            }
            if (healthPath != null && answers(http)) {
                return;
            }
            Sleep.millis(200);
        }
        if (healthPath != null) {
            child.stop(STOP_GRACE);
            throw ServiceStartException.withLog(name + " did not answer " + healthPath + " within "
                    + START_TIMEOUT.toSeconds() + " s.", logFile(), null);
        }
    }

    private void awaitExit() throws ServiceStartException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (child.isAlive() && System.nanoTime() < deadline) {
            Sleep.millis(200);
        }
        if (child.isAlive()) {
            child.stop(STOP_GRACE);
            throw ServiceStartException.withLog(name + " did not finish within " + START_TIMEOUT.toSeconds() + " s.",
                    logFile(), null);
        }
        if (child.exitValue() != 0) {
            throw ServiceStartException.withLog(name + " failed with exit status " + child.exitValue() + ".",
                    logFile(), null);
        }
    }

    private boolean answers(HttpClient http) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(address + healthPath))
                    .timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public Path logFile() {
        return directory.resolve(name + ".log");
    }

    @Override
    public synchronized boolean isRunning() {
        return child != null && child.isAlive();
    }

    @Override
    public synchronized void close() {
        if (child != null) {
            child.stop(STOP_GRACE);
            child = null;
        }
    }
}

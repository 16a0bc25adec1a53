package io.herokuelk.devstack.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of the project's own programs ({@code java -jar shipper.jar ingest}, the app) as a child process of the local
 * stack, behind the same guard as the other services. It is ready when its health URL answers 200; without one,
 * once it has run for a moment; a one-shot command (such as {@code setup}) once it exited with status 0.
 */
public final class JavaProcess extends ProcessService {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private final List<String> javaArguments;
    private final Map<String, String> environment;
    private final String address;
    private final String healthPath;
    private final boolean runsToCompletion;

    /**
     * @param javaArguments    what follows {@code java}, such as {@code -Xmx256m -jar shipper.jar ingest}
     * @param address          what {@link #address()} reports, such as {@code http://127.0.0.1:5000}
     * @param healthPath       path under the address that answers 200 when ready, or null
     * @param runsToCompletion a one-shot command: started means it exited with status 0
     */
    public JavaProcess(
            String name,
            Path directory,
            List<String> javaArguments,
            Map<String, String> environment,
            String address,
            String healthPath,
            boolean runsToCompletion) {
        super(name, directory, STOP_GRACE);
        this.javaArguments = javaArguments;
        this.environment = environment;
        this.address = address;
        this.healthPath = healthPath;
        this.runsToCompletion = runsToCompletion;
    }

    @Override
    public synchronized void start() throws ServiceStartException {
        if (isRunning()) {
            return;
        }
        List<String> service = new ArrayList<>();
        service.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        service.addAll(javaArguments);
        try {
            Files.createDirectories(directory);
            Guard.install(directory);
        } catch (IOException e) {
            throw new ServiceStartException("Could not prepare " + directory + " for " + name() + ": " + e, e);
        }
        launch(Guard.command(directory, service), environment);
        if (runsToCompletion) {
            awaitExit();
        } else {
            awaitReady();
        }
        ready(address);
    }

    private void awaitReady() throws ServiceStartException {
        long deadline = System.nanoTime() + (healthPath == null ? SETTLE : START_TIMEOUT).toNanos();
        while (System.nanoTime() < deadline) {
            if (!child().isAlive()) {
                throw failed(name() + " exited while starting.");
            }
            if (healthPath != null && answers(address + healthPath, body -> true)) {
                return;
            }
            Sleep.millis(200);
        }
        if (healthPath != null) {
            throw failed(name() + " did not answer " + healthPath + " within " + START_TIMEOUT.toSeconds() + " s.");
        }
    }

    private void awaitExit() throws ServiceStartException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (child().isAlive() && System.nanoTime() < deadline) {
            Sleep.millis(200);
        }
        if (child().isAlive()) {
            throw failed(name() + " did not finish within " + START_TIMEOUT.toSeconds() + " s.");
        }
        if (child().exitValue() != 0) {
            throw failed(name() + " failed with exit status " + child().exitValue() + ".");
        }
    }

    @Override
    public Path logFile() {
        return directory.resolve(name() + ".log");
    }
}

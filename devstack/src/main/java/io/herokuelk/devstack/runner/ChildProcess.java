package io.herokuelk.devstack.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service's process, started so that it cannot outlive us: its stdin is a pipe from this JVM, and each child we
 * start stops itself when that pipe reaches end of file, which happens when we close it or when this JVM dies in any
 * way, {@code kill -9} included. Output goes to a log file.
 */
final class ChildProcess {

    private final Process process;
    private final Path log;

    private ChildProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(List<String> command, Map<String, String> environment, Path workingDirectory, Path log)
            throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment);
        return new ChildProcess(builder.start(), log);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status; only once the process has exited. */
    int exitValue() {
        return process.exitValue();
    }

    Path log() {
        return log;
    }

    /** Asks the child to stop by closing its stdin, then forces it (and what it started) after the grace period. */
    void stop(Duration grace) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Already closed: the child is stopping or gone.
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        // Whatever the child started must not linger even if the child itself exited early.
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}

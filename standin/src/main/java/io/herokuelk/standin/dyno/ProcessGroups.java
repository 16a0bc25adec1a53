package io.herokuelk.standin.dyno;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A dyno's processes each start a process group of their own (through {@code setsid}), and signals go to the whole
 * group: a process that started others and then exited must not leave them behind, as nothing survives a dyno
 * that stops. Signals are sent through process handles, never {@code Process.destroy()}, which also closes the
 * output pipe and so would lose what a process prints while it shuts down.
 */
final class ProcessGroups {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final boolean AVAILABLE = Files.isExecutable(SETSID);

    private ProcessGroups() {}

    /** The command line that runs a Procfile command in a group of its own (where {@code setsid} exists). */
    static List<String> command(String shellCommand) {
        return AVAILABLE ? List.of(SETSID.toString(), "bash", "-c", shellCommand) : List.of("bash", "-c", shellCommand);
    }

    /** SIGTERM ({@code force} false) or SIGKILL to the process, what it started, and the rest of its group. */
    static void signal(Process process, boolean force) {
        ProcessHandle handle = process.toHandle();
        handle.descendants().forEach(force ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
        if (force) {
            handle.destroyForcibly();
        } else {
            handle.destroy();
        }
        if (AVAILABLE) {
            signalGroup(handle.pid(), force ? "KILL" : "TERM");
        }
    }

    /** The group keeps the leader's pid as its id, even after the leader exited. */
    private static void signalGroup(long groupId, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, "--", "-" + groupId)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // No kill command: the handles above did what they could.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

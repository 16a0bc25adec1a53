package io.herokuelk.devstack.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The guard script that runs a service and stops it when the pipe from its parent closes: for services that would
 * otherwise outlive a parent killed with {@code kill -9}.
 */
final class Guard {

    static final String SCRIPT = "heroku-elk-guard.sh";

    private Guard() {}

    /** Copies the script into the service's directory (the classpath copy may be inside a jar). */
    static void install(Path directory) throws IOException {
        // Services of one stage start together and may share a folder: each writes its own copy, then moves it in
        // atomically, so no one ever runs a half-written script or trips over another's copy.
        Path copy = Files.createTempFile(directory, SCRIPT, ".tmp");
        try (InputStream script = Guard.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            Files.copy(script, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.move(
                    copy,
                    directory.resolve(SCRIPT),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** The command that runs {@code service} under the guard installed in {@code directory}. */
    static List<String> command(Path directory, List<String> service) {
        List<String> command =
                new ArrayList<>(List.of("/bin/bash", directory.resolve(SCRIPT).toString()));
        command.addAll(service);
        return command;
    }
}

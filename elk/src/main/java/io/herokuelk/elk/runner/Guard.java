package io.herokuelk.elk.runner;

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

    private Guard() {
    }

    /** Copies the script into the service's directory (the classpath copy may be inside a jar). */
    static void install(Path directory) throws IOException {
        try (InputStream script = Guard.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            Files.copy(script, directory.resolve(SCRIPT), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The command that runs {@code service} under the guard installed in {@code directory}. */
    static List<String> command(Path directory, List<String> service) {
        List<String> command = new ArrayList<>(List.of("/bin/bash", directory.resolve(SCRIPT).toString()));
        command.addAll(service);
        return command;
    }
}

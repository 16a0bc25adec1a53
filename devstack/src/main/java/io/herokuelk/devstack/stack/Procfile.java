package io.herokuelk.devstack.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JVM flags of the repository's {@code Procfile}, so that the local stack, the fault suite and the benchmarks
 * run the shipper with the memory settings users deploy rather than a copy of them that could drift.
 */
public final class Procfile {

    /** The file in the working directory (the repository's root when run through {@code ./dev}). */
    public static final Path FILE = Path.of("Procfile");

    private Procfile() {}

    /**
     * What a {@code java ... -jar} process type passes to {@code java} before {@code -jar}, {@code $JAVA_OPTS} left
     * out; empty when the file or the type is missing.
     */
    public static Optional<List<String>> javaFlags(Path procfile, String type) {
        try {
            return Files.isRegularFile(procfile) ? javaFlags(Files.readAllLines(procfile), type) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static Optional<List<String>> javaFlags(List<String> lines, String type) {
        for (String line : lines) {
            if (!line.startsWith(type + ":")) {
                continue;
            }
            String[] words = line.substring(type.length() + 1).trim().split("\\s+");
            if (words.length == 0 || !words[0].equals("java")) {
                return Optional.empty();
            }
            List<String> flags = new ArrayList<>();
            for (int i = 1; i < words.length && !words[i].equals("-jar"); i++) {
                if (!words[i].equals("$JAVA_OPTS")) {
                    flags.add(words[i]);
                }
            }
            return Optional.of(flags);
        }
        return Optional.empty();
    }
}

package io.herokuelk.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.checks.WhatTheCodeReads.HandOff;
import io.herokuelk.checks.WhatTheCodeReads.Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The environment enters each module's code only where {@link WhatTheCodeReads} drives it: {@code System.getenv()}
 * handed to a reader at a registered {@link HandOff}. A variable read anywhere else would escape the docs check.
 */
class EnvironmentAccessTest {

    /** The operating system's own variables, passed on to child processes: not configuration. */
    private static final Set<String> OPERATING_SYSTEM = Set.of("PATH");

    private static final Pattern GETENV =
            Pattern.compile("\\bgetenv\\s*\\(\\s*(\\)\\s*(\\.\\s*\\w+\\s*\\(\\s*\"(\\w+)\")?)?");

    @Test
    void theEnvironmentIsReadOnlyWhereTheReadmeCheckDrivesTheReaders() {
        List<String> problems = new ArrayList<>();
        for (String module : Repository.modules()) {
            List<HandOff> handOffs = WhatTheCodeReads.modules().stream()
                    .filter(m -> m.name().equals(module))
                    .findFirst()
                    .map(Module::handOffs)
                    .orElse(List.of());
            for (Path file : sources(module)) {
                String relative = Repository.root().relativize(file).toString();
                List<String> lines = lines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    Matcher matcher = GETENV.matcher(line);
                    while (matcher.find()) {
                        String where = relative + ":" + (i + 1) + ": " + line.strip();
                        if (matcher.group(1) == null) {
                            problems.add(where + "\n    reads one variable by name: take it from the environment the"
                                    + " module's reader is given (see WhatTheCodeReads)");
                        } else if (matcher.group(2) != null) {
                            if (!OPERATING_SYSTEM.contains(matcher.group(3))) {
                                problems.add(where + "\n    reads " + matcher.group(3) + " by name: take it from the"
                                        + " environment the module's reader is given (see WhatTheCodeReads)");
                            }
                        } else if (handOffs.stream()
                                .noneMatch(h -> h.file().equals(relative) && line.contains(h.code()))) {
                            problems.add(where + "\n    hands the environment to code the documentation check does not"
                                    + " drive: register it as a HandOff and Program of module " + module
                                    + " in WhatTheCodeReads");
                        }
                    }
                }
            }
        }
        assertThat(problems)
                .as("environment reads outside the registered readers")
                .isEmpty();
    }

    @Test
    void everyRegisteredHandOffIsInTheCode() {
        // A hand-off that no longer exists means the code now reads its environment somewhere else.
        List<String> missing = new ArrayList<>();
        for (Module module : WhatTheCodeReads.modules()) {
            for (HandOff handOff : module.handOffs()) {
                if (!Files.isRegularFile(Repository.path(handOff.file()))
                        || !Repository.read(handOff.file()).contains(handOff.code())) {
                    missing.add(handOff.file() + ": " + handOff.code());
                }
            }
        }
        assertThat(missing)
                .as("hand-offs registered in WhatTheCodeReads but not in the code")
                .isEmpty();
    }

    private static List<Path> sources(String module) {
        Path root = Repository.path(module + "/src/main/java");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

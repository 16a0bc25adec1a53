package io.herokuelk.devstack.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory the kernel says is available for new work ({@code MemAvailable} in {@code /proc/meminfo}). */
final class MemInfo {

    private MemInfo() {}

    /** Available memory in MB, or -1 when it cannot be read. */
    static long availableMb() {
        try (var lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(line -> line.startsWith("MemAvailable:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024)
                    .findFirst()
                    .orElse(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}

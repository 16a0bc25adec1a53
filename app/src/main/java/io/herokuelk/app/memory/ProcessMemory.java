package io.herokuelk.app.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the process's resident and swapped memory from {@code /proc/self/status}: what Heroku's R14 counts. */
public final class ProcessMemory {

    /**
     * @param rssBytes {@code VmRSS}
     * @param swapBytes {@code VmSwap}, zero when the line is absent
     */
    public record Reading(long rssBytes, long swapBytes) {

        public long usedBytes() {
            return rssBytes + swapBytes;
        }
    }

    private final Path status;

    public ProcessMemory(HostPaths paths) {
        this.status = paths.proc().resolve("self/status");
    }

    /** Empty where there is no procfs (for example macOS), so callers can fall back and say so. */
    public Optional<Reading> read() {
        long rss = -1;
        long swap = 0;
        try (var lines = Files.lines(status)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("VmRSS:")) {
                    rss = kilobytes(line);
                } else if (line.startsWith("VmSwap:")) {
                    swap = kilobytes(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return rss < 0 ? Optional.empty() : Optional.of(new Reading(rss, swap));
    }

    /** Lines read {@code VmRSS:\t  123456 kB}. */
    private static long kilobytes(String line) {
        String[] parts = line.substring(line.indexOf(':') + 1).strip().split("\\s+");
        return Long.parseLong(parts[0]) * 1024;
    }
}

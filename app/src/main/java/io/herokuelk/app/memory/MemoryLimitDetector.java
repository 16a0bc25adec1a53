package io.herokuelk.app.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Finds the memory limit: {@code MEMORY_LIMIT_MB}, then the cgroup v2 {@code memory.max}, then the cgroup v1
 * {@code memory.limit_in_bytes}, then the Heroku dyno size inferred from the process limit ({@code ulimit -u}) the
 * way Heroku's JVM buildpack does, then {@link #DEFAULT_LIMIT_MB}.
 */
public final class MemoryLimitDetector {

    /** The limit of the smallest dynos (eco, basic, standard-1x), used when nothing else says otherwise. */
    public static final double DEFAULT_LIMIT_MB = 512;

    /** cgroup v1 writes "no limit" as a huge page-aligned number; anything this large is treated as no limit. */
    static final long UNLIMITED_BYTES = 1L << 62;

    /** Heroku's process limit per dyno size, as its JVM buildpack reads it (soft {@code ulimit -u} to MB). */
    static final Map<Long, Double> HEROKU_PROCESS_LIMIT_TO_MB = Map.of(
            256L, 512.0, // eco, basic, standard-1x
            512L, 1024.0, // standard-2x
            16384L, 2560.0, // performance-m
            32768L, 14336.0 // performance-l
            );

    private static final double BYTES_PER_MB = 1024.0 * 1024.0;

    private final HostPaths paths;

    public MemoryLimitDetector(HostPaths paths) {
        this.paths = paths;
    }

    public MemoryLimit detect(OptionalDouble overrideMb) {
        if (overrideMb.isPresent()) {
            return new MemoryLimit(overrideMb.getAsDouble(), MemoryLimit.Source.ENV);
        }
        Optional<MemoryLimit> cgroup = cgroupV2().or(this::cgroupV1);
        if (cgroup.isPresent()) {
            return cgroup.get();
        }
        OptionalLong processLimit = processLimit();
        if (processLimit.isPresent()) {
            Double mb = HEROKU_PROCESS_LIMIT_TO_MB.get(processLimit.getAsLong());
            if (mb != null) {
                return new MemoryLimit(mb, MemoryLimit.Source.HEROKU_ULIMIT);
            }
        }
        return new MemoryLimit(DEFAULT_LIMIT_MB, MemoryLimit.Source.DEFAULT);
    }

    private Optional<MemoryLimit> cgroupV2() {
        List<Path> candidates = new ArrayList<>();
        ownCgroupPath(line -> line.startsWith("0::") ? line.substring(3) : null)
                .ifPresent(rel -> candidates.add(under(paths.cgroup(), rel).resolve("memory.max")));
        candidates.add(paths.cgroup().resolve("memory.max"));
        return firstLimit(candidates, MemoryLimit.Source.CGROUP_V2);
    }

    private Optional<MemoryLimit> cgroupV1() {
        Path memoryRoot = paths.cgroup().resolve("memory");
        List<Path> candidates = new ArrayList<>();
        ownCgroupPath(MemoryLimitDetector::v1MemoryPath)
                .ifPresent(rel -> candidates.add(under(memoryRoot, rel).resolve("memory.limit_in_bytes")));
        candidates.add(memoryRoot.resolve("memory.limit_in_bytes"));
        return firstLimit(candidates, MemoryLimit.Source.CGROUP_V1);
    }

    /** A v1 line reads {@code hierarchy-id:controller,controller:path}; the memory one is ours. */
    private static String v1MemoryPath(String line) {
        String[] parts = line.split(":", 3);
        if (parts.length == 3 && List.of(parts[1].split(",")).contains("memory")) {
            return parts[2];
        }
        return null;
    }

    private Optional<String> ownCgroupPath(java.util.function.Function<String, String> pick) {
        for (String line : readLines(paths.proc().resolve("self/cgroup"))) {
            String rel = pick.apply(line);
            if (rel != null && !rel.isBlank() && !rel.equals("/")) {
                return Optional.of(rel);
            }
        }
        return Optional.empty();
    }

    private static Path under(Path root, String rel) {
        return root.resolve(rel.startsWith("/") ? rel.substring(1) : rel);
    }

    /** The first candidate file that exists decides: a "no limit" there means no cgroup limit at all. */
    private static Optional<MemoryLimit> firstLimit(List<Path> candidates, MemoryLimit.Source source) {
        for (Path file : candidates) {
            List<String> lines = readLines(file);
            if (lines.isEmpty()) {
                continue;
            }
            String value = lines.getFirst().strip();
            if (value.equals("max")) {
                return Optional.empty();
            }
            try {
                long bytes = Long.parseLong(value);
                if (bytes <= 0 || bytes >= UNLIMITED_BYTES) {
                    return Optional.empty();
                }
                return Optional.of(new MemoryLimit(bytes / BYTES_PER_MB, source));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The soft "Max processes" limit from {@code /proc/self/limits}, which is what {@code ulimit -u} prints. */
    OptionalLong processLimit() {
        for (String line : readLines(paths.proc().resolve("self/limits"))) {
            if (line.startsWith("Max processes")) {
                String[] columns =
                        line.substring("Max processes".length()).strip().split("\\s+");
                try {
                    return OptionalLong.of(Long.parseLong(columns[0]));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty(); // "unlimited"
                }
            }
        }
        return OptionalLong.empty();
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}

package io.herokuelk.app.memory;

import java.nio.file.Path;

/**
 * Where the kernel's files are read from; tests point these at prepared directories.
 *
 * @param proc the procfs root, normally {@code /proc}
 * @param cgroup the cgroup file-system root, normally {@code /sys/fs/cgroup}
 */
public record HostPaths(Path proc, Path cgroup) {

    public static HostPaths system() {
        return new HostPaths(Path.of("/proc"), Path.of("/sys/fs/cgroup"));
    }
}

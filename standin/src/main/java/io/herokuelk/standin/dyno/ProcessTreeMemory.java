package io.herokuelk.standin.dyno;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a process's memory, and that of everything it started, from {@code /proc/<pid>/status}: a dyno is a
 * container, so Heroku counts every process in it. {@code RssAnon + RssShmem} is the rss, {@code RssFile} the
 * cache (file pages the processes map: the part of the page cache a container is charged for that is visible per
 * process), {@code VmSwap} the swap. A process that exits between listing and reading counts as nothing.
 */
public final class ProcessTreeMemory {

    private static final double KB_PER_MB = 1024.0;

    private final Path proc;

    public ProcessTreeMemory() {
        this(Path.of("/proc"));
    }

    ProcessTreeMemory(Path proc) {
        this.proc = proc;
    }

    /** The sum over the processes and all their descendants. */
    public MemoryUsage of(List<ProcessHandle> roots) {
        MemoryUsage sum = MemoryUsage.NONE;
        for (ProcessHandle root : roots) {
            List<ProcessHandle> tree =
                    Stream.concat(Stream.of(root), root.descendants()).toList();
            for (ProcessHandle process : tree) {
                sum = sum.plus(of(process.pid()));
            }
        }
        return sum;
    }

    MemoryUsage of(long pid) {
        List<String> lines;
        try {
            lines = Files.readAllLines(proc.resolve(Long.toString(pid)).resolve("status"));
        } catch (IOException e) {
            return MemoryUsage.NONE;
        }
        long anon = 0, shmem = 0, file = 0, swap = 0;
        for (String line : lines) {
            if (line.startsWith("RssAnon:")) {
                anon = kilobytes(line);
            } else if (line.startsWith("RssShmem:")) {
                shmem = kilobytes(line);
            } else if (line.startsWith("RssFile:")) {
                file = kilobytes(line);
            } else if (line.startsWith("VmSwap:")) {
                swap = kilobytes(line);
            }
        }
        return new MemoryUsage((anon + shmem) / KB_PER_MB, file / KB_PER_MB, swap / KB_PER_MB);
    }

    /** {@code RssAnon:	  123456 kB} to 123456. */
    private static long kilobytes(String line) {
        String value = line.substring(line.indexOf(':') + 1).strip();
        int space = value.indexOf(' ');
        return Long.parseLong(space < 0 ? value : value.substring(0, space));
    }
}

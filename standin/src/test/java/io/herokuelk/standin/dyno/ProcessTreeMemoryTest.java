package io.herokuelk.standin.dyno;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTreeMemoryTest {

    @TempDir
    Path proc;

    /** A /proc/<pid>/status as Linux writes it, tabs and padding included, with the fields that matter. */
    private void status(long pid, long anonKb, long fileKb, long shmemKb, long swapKb) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(
                dir.resolve("status"),
                String.join(
                        "\n",
                        "Name:\tjava",
                        "State:\tS (sleeping)",
                        "Pid:\t" + pid,
                        "VmPeak:\t 4000000 kB",
                        "VmRSS:\t  " + (anonKb + fileKb + shmemKb) + " kB",
                        "RssAnon:\t  " + anonKb + " kB",
                        "RssFile:\t   " + fileKb + " kB",
                        "RssShmem:\t    " + shmemKb + " kB",
                        "VmData:\t  999999 kB",
                        "VmSwap:\t     " + swapKb + " kB",
                        "Threads:\t20",
                        ""));
    }

    @Test
    void rssIsAnonPlusShmemCacheIsFileAndSwapIsSwap() throws IOException {
        status(4242, 102_400, 20_480, 5_120, 1_024);

        MemoryUsage usage = new ProcessTreeMemory(proc).of(4242);

        assertThat(usage.rssMb()).isCloseTo(105.0, within(1e-9)); // (102,400 + 5,120) kB
        assertThat(usage.cacheMb()).isCloseTo(20.0, within(1e-9));
        assertThat(usage.swapMb()).isCloseTo(1.0, within(1e-9));
        assertThat(usage.totalMb()).isCloseTo(126.0, within(1e-9));
        assertThat(usage.quotaUsedMb()).isCloseTo(106.0, within(1e-9)); // the cache does not count against a quota
    }

    @Test
    void aProcessThatIsGoneCountsAsNothing() {
        assertThat(new ProcessTreeMemory(proc).of(99_999)).isEqualTo(MemoryUsage.NONE);
    }

    @Test
    void aKernelThreadWithoutMemoryFieldsCountsAsNothing() throws IOException {
        Path dir = Files.createDirectories(proc.resolve("2"));
        Files.writeString(dir.resolve("status"), "Name:\tkthreadd\nState:\tS (sleeping)\nPid:\t2\nThreads:\t1\n");

        assertThat(new ProcessTreeMemory(proc).of(2)).isEqualTo(MemoryUsage.NONE);
    }

    @Test
    void aTreeCountsItsRootAndEveryDescendant() throws IOException {
        // Real pids so that ProcessHandle can walk the tree (this JVM's parent, and this JVM below it), fake figures.
        ProcessHandle self = ProcessHandle.current();
        ProcessHandle parent = self.parent().orElseThrow();
        status(parent.pid(), 10_240, 1_024, 0, 512);
        status(self.pid(), 20_480, 2_048, 1_024, 0);

        MemoryUsage usage = new ProcessTreeMemory(proc).of(List.of(parent));

        // Any other descendant of the parent has no status file here, as if it had exited: it adds nothing.
        assertThat(usage.rssMb()).isCloseTo(31.0, within(1e-9));
        assertThat(usage.cacheMb()).isCloseTo(3.0, within(1e-9));
        assertThat(usage.swapMb()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void theRealTreeOfThisJvmHasResidentMemory() {
        MemoryUsage usage = new ProcessTreeMemory().of(List.of(ProcessHandle.current()));

        // A running JVM has well over a megabyte of anonymous memory (its heap, at the very least).
        assertThat(usage.rssMb()).isGreaterThan(1.0);
        assertThat(usage.totalMb()).isGreaterThanOrEqualTo(usage.rssMb());
    }
}

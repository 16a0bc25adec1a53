package io.herokuelk.app.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessMemoryTest {

    @TempDir
    Path proc;

    @Test
    void rssAndSwapFromTheStatusFile() throws IOException {
        Files.createDirectories(proc.resolve("self"));
        Files.writeString(proc.resolve("self/status"), """
                Name:\tjava
                VmPeak:\t 3000000 kB
                VmRSS:\t  240189 kB
                RssAnon:\t  200000 kB
                VmSwap:\t    1024 kB
                Threads:\t14
                """);
        ProcessMemory.Reading reading =
                new ProcessMemory(new HostPaths(proc, proc)).read().orElseThrow();
        assertThat(reading.rssBytes()).isEqualTo(240_189L * 1024);
        assertThat(reading.swapBytes()).isEqualTo(1_024L * 1024);
        assertThat(reading.usedBytes()).isEqualTo(241_213L * 1024);
    }

    @Test
    void withoutProcfsThereIsNoReading() {
        assertThat(new ProcessMemory(new HostPaths(proc.resolve("missing"), proc)).read())
                .isEmpty();
    }

    @Test
    void theRealProcfsOfThisProcessIsReadable() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "Linux only");
        assertThat(new ProcessMemory(HostPaths.system()).read())
                .hasValueSatisfying(reading -> assertThat(reading.rssBytes()).isPositive());
    }
}

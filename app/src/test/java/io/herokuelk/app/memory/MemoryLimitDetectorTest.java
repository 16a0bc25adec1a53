package io.herokuelk.app.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Limit detection against prepared procfs and cgroup trees. */
class MemoryLimitDetectorTest {

    @TempDir
    Path root;

    private Path proc;
    private Path cgroup;
    private MemoryLimitDetector detector;

    @BeforeEach
    void setUp() throws IOException {
        proc = Files.createDirectories(root.resolve("proc"));
        cgroup = Files.createDirectories(root.resolve("cgroup"));
        Files.createDirectories(proc.resolve("self"));
        detector = new MemoryLimitDetector(new HostPaths(proc, cgroup));
    }

    @Test
    void theEnvironmentVariableComesFirst() throws IOException {
        write(cgroup.resolve("memory.max"), "268435456\n");
        assertThat(detector.detect(OptionalDouble.of(1024))).isEqualTo(new MemoryLimit(1024, MemoryLimit.Source.ENV));
    }

    @Test
    void cgroupV2LimitOfTheProcessesOwnGroup() throws IOException {
        write(proc.resolve("self/cgroup"), "0::/app.slice/web.scope\n");
        write(cgroup.resolve("app.slice/web.scope/memory.max"), "536870912\n");
        write(cgroup.resolve("memory.max"), "max\n");
        assertThat(detector.detect(OptionalDouble.empty()))
                .isEqualTo(new MemoryLimit(512, MemoryLimit.Source.CGROUP_V2));
    }

    @Test
    void cgroupV2AtTheRootWhenTheOwnPathIsNotMounted() throws IOException {
        write(proc.resolve("self/cgroup"), "0::/not/visible/here\n");
        write(cgroup.resolve("memory.max"), "1073741824\n");
        assertThat(detector.detect(OptionalDouble.empty()))
                .isEqualTo(new MemoryLimit(1024, MemoryLimit.Source.CGROUP_V2));
    }

    @Test
    void cgroupV2MaxMeansNoLimitAndDetectionGoesOn() throws IOException {
        write(proc.resolve("self/cgroup"), "0::/\n");
        write(cgroup.resolve("memory.max"), "max\n");
        limits(256);
        assertThat(detector.detect(OptionalDouble.empty()))
                .isEqualTo(new MemoryLimit(512, MemoryLimit.Source.HEROKU_ULIMIT));
    }

    @Test
    void cgroupV1LimitOfTheMemoryController() throws IOException {
        write(proc.resolve("self/cgroup"), "5:cpu,cpuacct:/\n4:memory:/docker/abc\n0::/\n");
        write(cgroup.resolve("memory/docker/abc/memory.limit_in_bytes"), "805306368\n");
        assertThat(detector.detect(OptionalDouble.empty()))
                .isEqualTo(new MemoryLimit(768, MemoryLimit.Source.CGROUP_V1));
    }

    @Test
    void cgroupV1UnlimitedIsIgnored() throws IOException {
        write(proc.resolve("self/cgroup"), "4:memory:/\n");
        write(cgroup.resolve("memory/memory.limit_in_bytes"), "9223372036854771712\n");
        limits(512);
        assertThat(detector.detect(OptionalDouble.empty()))
                .isEqualTo(new MemoryLimit(1024, MemoryLimit.Source.HEROKU_ULIMIT));
    }

    @ParameterizedTest(name = "ulimit -u {0} -> {1} MB")
    @CsvSource({"256, 512", "512, 1024", "16384, 2560", "32768, 14336"})
    void herokuDynoSizeFromTheProcessLimit(long processes, double mb) throws IOException {
        limits(processes);
        assertThat(detector.detect(OptionalDouble.empty()))
                .isEqualTo(new MemoryLimit(mb, MemoryLimit.Source.HEROKU_ULIMIT));
    }

    @Test
    void anUnknownProcessLimitFallsBackToTheDefault() throws IOException {
        limits(96364);
        assertThat(detector.detect(OptionalDouble.empty())).isEqualTo(new MemoryLimit(512, MemoryLimit.Source.DEFAULT));
    }

    @Test
    void unlimitedProcessesFallBackToTheDefault() throws IOException {
        write(
                proc.resolve("self/limits"),
                header() + "Max processes             unlimited            unlimited            processes\n");
        assertThat(detector.detect(OptionalDouble.empty())).isEqualTo(new MemoryLimit(512, MemoryLimit.Source.DEFAULT));
    }

    @Test
    void nothingReadableGivesTheDefault() {
        assertThat(detector.detect(OptionalDouble.empty()))
                .isEqualTo(new MemoryLimit(MemoryLimitDetector.DEFAULT_LIMIT_MB, MemoryLimit.Source.DEFAULT));
    }

    @Test
    void theSoftLimitIsTheOneUlimitPrints() throws IOException {
        write(
                proc.resolve("self/limits"),
                header() + "Max processes             256                  4096                 processes\n");
        assertThat(detector.processLimit()).hasValue(256);
    }

    private void limits(long processes) throws IOException {
        write(
                proc.resolve("self/limits"),
                header()
                        + "Max stack size            8388608              unlimited            bytes\n"
                        + String.format("Max processes             %-20d %-20d processes%n", processes, processes)
                        + "Max open files            10000                10000                files\n");
    }

    private static String header() {
        return "Limit                     Soft Limit           Hard Limit           Units     \n";
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}

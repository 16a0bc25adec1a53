package io.herokuelk.app.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.app.log.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Memory readings and time are both controlled: which events a sequence of readings produces. */
class MemoryMonitorTest {

    private static final long SECOND = 1_000_000_000L;
    private static final MemoryLimit LIMIT = new MemoryLimit(512, MemoryLimit.Source.ENV);

    private final AtomicLong now = new AtomicLong();
    private final LogCapture capture = new LogCapture();
    private final MemoryMonitor monitor = new MemoryMonitor(
            null,
            new ThresholdWatch(List.of(0.8, 0.95), 0.05, Duration.ofSeconds(300)),
            Duration.ofSeconds(20),
            now::get,
            capture.logger("io.herokuelk.app.memory.MemoryMonitor"));

    @Test
    void samplesEveryIntervalAndWarnsAsSoonAsAThresholdIsCrossed() {
        monitor.tick(reading(200)); // t=0: first sample
        now.set(5 * SECOND);
        monitor.tick(reading(420)); // t=5: 82% -> warning, no sample yet
        now.set(10 * SECOND);
        monitor.tick(reading(421)); // t=10: nothing
        now.set(20 * SECOND);
        monitor.tick(reading(300)); // t=20: recovered + sample

        assertThat(actions())
                .containsExactly(
                        "memory-sampled", "memory-threshold-crossed", "memory-threshold-recovered", "memory-sampled");
        assertThat(capture.lines().get(1)).contains("\"log.level\":\"WARN\"", "\"app.memory.threshold_fraction\":0.8");
    }

    private List<String> actions() {
        return capture.lines().stream()
                .map(line -> line.replaceAll(".*\"event.action\":\"([^\"]+)\".*", "$1"))
                .toList();
    }

    private static MemorySnapshot reading(double usedMb) {
        return MemorySampler.snapshot(
                new ProcessMemory.Reading((long) (usedMb * 1024 * 1024), 0),
                LIMIT,
                new java.lang.management.MemoryUsage(0, 10 << 20, 20 << 20, 64 << 20),
                new java.lang.management.MemoryUsage(0, 10 << 20, 20 << 20, -1),
                0,
                10,
                1,
                2,
                new io.herokuelk.app.log.ProcessIdentity(
                        4242, java.util.OptionalInt.empty(), java.util.OptionalInt.empty()));
    }
}

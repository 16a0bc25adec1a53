package io.herokuelk.app.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.app.http.RequestEvents;
import io.herokuelk.app.memory.MemoryEvents;
import io.herokuelk.app.memory.MemoryLimit;
import io.herokuelk.app.memory.MemorySnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

/** The JSON shape of every event the app writes, against golden files, plus the line-size cap. */
class EventShapesTest {

    /** The third of five workers, as a launcher of several JVMs per dyno names it. */
    static final ProcessIdentity WORKER = new ProcessIdentity(4242, OptionalInt.of(3), OptionalInt.of(5));

    static final MemorySnapshot SNAPSHOT = new MemorySnapshot(
            230.5,
            4.06,
            234.56,
            new MemoryLimit(512.0, MemoryLimit.Source.HEROKU_ULIMIT),
            45.8,
            true,
            31.2,
            48.0,
            96.0,
            41.75,
            0.02,
            14,
            37,
            412,
            WORKER);

    static final MemorySnapshot HIGH = new MemorySnapshot(
            418.4,
            0.0,
            418.4,
            new MemoryLimit(512.0, MemoryLimit.Source.HEROKU_ULIMIT),
            81.7,
            true,
            90.1,
            96.0,
            96.0,
            44.0,
            250.0,
            14,
            120,
            2_310,
            WORKER);

    static final MemorySnapshot RECOVERED = new MemorySnapshot(
            380.0,
            0.0,
            380.0,
            new MemoryLimit(512.0, MemoryLimit.Source.HEROKU_ULIMIT),
            74.2,
            true,
            60.3,
            96.0,
            96.0,
            44.0,
            200.0,
            14,
            131,
            2_402,
            WORKER);

    private final LogCapture capture = new LogCapture();

    @Test
    void requestEvent() throws IOException {
        RequestEvents.completed(
                capture.logger("io.herokuelk.app.request"),
                new RequestEvents.Completed(
                        "GET",
                        "/api/notes/42",
                        200,
                        1_234_567,
                        97,
                        "6f1c2b9e-1d7a-4a51-9d42-0c8f5e2b7a10",
                        "curl/8.5.0"));
        Golden.assertMatches("request", capture.onlyLine());
    }

    @Test
    void requestEventWithoutUserAgentLeavesTheFieldOut() throws IOException {
        RequestEvents.completed(
                capture.logger("io.herokuelk.app.request"),
                new RequestEvents.Completed("POST", "/api/notes", 503, 2_000_000_000L, 46, "generated-id-0001", null));
        Golden.assertMatches("request-busy", capture.onlyLine());
    }

    @Test
    void memorySample() throws IOException {
        MemoryEvents.sampled(memoryLogger(), SNAPSHOT);
        Golden.assertMatches("memory-sampled", capture.onlyLine());
    }

    @Test
    void memoryThresholdCrossed() throws IOException {
        MemoryEvents.thresholdCrossed(memoryLogger(), HIGH, 0.8, false);
        Golden.assertMatches("memory-threshold-crossed", capture.onlyLine());
    }

    @Test
    void memoryThresholdRecovered() throws IOException {
        MemoryEvents.thresholdRecovered(memoryLogger(), RECOVERED, 0.8);
        Golden.assertMatches("memory-threshold-recovered", capture.onlyLine());
    }

    @Test
    void startup() throws IOException {
        LifecycleEvents.started(
                capture.logger("io.herokuelk.app.App"),
                new LifecycleEvents.Startup(
                        "21.0.9+10-LTS",
                        List.of("-Xmx128m", "-XX:+UseSerialGC"),
                        "Copy,MarkSweepCompact",
                        8.0,
                        123.8,
                        8,
                        5000,
                        16,
                        256,
                        "virtual-threads",
                        512.0,
                        "heroku_ulimit",
                        20,
                        List.of(0.8, 0.95),
                        false,
                        812_000_000L,
                        new ProcessIdentity(4242, OptionalInt.empty(), OptionalInt.empty())));
        Golden.assertMatches("app-started", capture.onlyLine());
    }

    @Test
    void componentInitialised() throws IOException {
        LifecycleEvents.componentInitialized(
                capture.logger("io.herokuelk.app.api.TextAnalyzer"), "text-analyzer", 42_000_000L, 63, 126);
        Golden.assertMatches("component-initialized", capture.onlyLine());
    }

    @Test
    void stopping() throws IOException {
        LifecycleEvents.stopping(capture.logger("io.herokuelk.app.App"), 3_600);
        Golden.assertMatches("app-stopping", capture.onlyLine());
    }

    @Test
    void logsInsideARequestCarryItsIdFromTheMdc() throws IOException {
        MDC.put(Fields.HTTP_REQUEST_ID, "6f1c2b9e-1d7a-4a51-9d42-0c8f5e2b7a10");
        try {
            capture.logger("io.herokuelk.app.http.AppHandler")
                    .error("Request failed", new IllegalStateException("boom"));
        } finally {
            MDC.remove(Fields.HTTP_REQUEST_ID);
        }
        Golden.assertMatches("request-failed", capture.onlyLine());
    }

    @Test
    void aDeepStackTraceAndLongValuesStayWellUnderHerokusLineSplit() {
        StringBuilder longPath = new StringBuilder("/");
        while (longPath.length() < 1_024) {
            longPath.append("segment/");
        }
        RequestEvents.completed(
                capture.logger("io.herokuelk.app.request"),
                new RequestEvents.Completed(
                        "GET", longPath.substring(0, 1_024), 404, 1, 30, "x".repeat(200), "u".repeat(512)));
        capture.logger("io.herokuelk.app.http.AppHandler").error("Request failed", deep(400));

        for (String line : capture.lines()) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThan(9_000);
            assertThat(line).doesNotContain("\n");
        }
        assertThat(capture.lines().get(1)).contains("error.stack_trace");
    }

    /** Every key in every golden file is in the README's field table, so the documentation cannot fall behind. */
    @Test
    void everyFieldIsDocumented() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("^\\| `([^`]+)`", Pattern.MULTILINE).matcher(readme);
        while (m.find()) {
            documented.add(m.group(1));
        }
        Set<String> used = new TreeSet<>();
        try (var files = Files.list(Golden.DIR)) {
            for (Path file : files.toList()) {
                used.addAll(Golden.keys(Files.readString(file)));
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(documented).containsAll(used);
    }

    private Logger memoryLogger() {
        return capture.logger("io.herokuelk.app.memory.MemoryMonitor");
    }

    private static RuntimeException deep(int depth) {
        if (depth == 0) {
            return new RuntimeException("x".repeat(2_000), new IllegalStateException("cause " + "y".repeat(2_000)));
        }
        return deep(depth - 1);
    }
}

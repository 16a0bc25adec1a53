package io.herokuelk.shipper.alert.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.shipper.alert.model.Diagnosis;
import io.herokuelk.shipper.alert.model.Observation;
import io.herokuelk.shipper.alert.rules.Obs;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Synthetic event sequences for each cause, and for the misleading ones: the conclusion, its confidence, the figures
 * it quotes and the signals it rests on. Quota 512 MB (an eco dyno) unless said.
 */
class DiagnosticianTest {

    private static final double QUOTA = 512;
    private final DynoTimeline timeline = new DynoTimeline();

    private void feed(Observation o) {
        timeline.record(o);
    }

    private Diagnosis diagnoseAt(long seconds) {
        return Diagnostician.diagnose("web.1", timeline, null, Obs.T0.plusSeconds(seconds));
    }

    private void up(long seconds) {
        feed(Obs.atSeconds(seconds).stateTo("up").build());
    }

    private void heroku(long seconds, double mb) {
        feed(Obs.atSeconds(seconds).metricsWith(mb, QUOTA, "heroku.1.a").build());
    }

    private void process(
            long seconds, long pid, double rss, double heapUsed, double heapCommitted, double heapMax, int threads) {
        feed(Obs.atSeconds(seconds)
                .appMemory(pid, rss, heapUsed, heapCommitted, heapMax, threads)
                .limit(QUOTA)
                .worker((int) (pid % 10), 5)
                .build());
    }

    /** Router lines to web.1, {@code perMinute} a minute (at most 60). */
    private void requests(long fromSeconds, long toSeconds, int perMinute) {
        for (long t = fromSeconds; t < toSeconds; t += 60 / perMinute) {
            feed(Obs.router(t, "web.1", null, "/api/notes", 20));
        }
    }

    @Test
    void fiveProcessesOfOneDynoAreNamedWithTheirFiguresAndWhatOneProcessWouldHold() {
        up(0);
        double[] rss = {61, 120, 150, 171, 188};
        for (int i = 0; i < rss.length; i++) {
            process(280 + i, 101 + i, rss[i], rss[i] * 0.4, rss[i] * 0.6, 300, 40);
        }
        heroku(300, 909);

        Diagnosis d = diagnoseAt(300);

        assertThat(d.cause()).isEqualTo(Diagnosis.TOO_MANY_PROCESSES);
        assertThat(d.confidence()).isEqualTo("high");
        assertThat(d.summary())
                .isEqualTo(
                        "web.1 runs 5 app processes holding 61-188 MB each (total 690 MB of the"
                                + " dyno's 909 MB); with 1 process the dyno would hold about 407 MB (79% of the 512 MB quota).");
        assertThat(d.action()).contains("WEB_CONCURRENCY=1 (it is 5)");
        assertThat(d.figures())
                .containsEntry("processes", 5L)
                .containsEntry("one_process_estimate_mb", 407.0)
                .containsEntry("processes_rss_total_mb", 690.0);
        assertThat(d.signals()).contains("app.memory per process (5 pids)", "heroku memory of the dyno");
        assertThat(d.others())
                .as("the five heap ceilings are above the quota too")
                .contains("runtime_sized_for_host (medium)");
    }

    @Test
    void processesWhoseSharedPagesAddUpToMoreThanTheDynoKeepTheirShareOfIt() {
        up(0);
        for (int pid = 1; pid <= 5; pid++) {
            process(10, pid, 113 + pid * 3, 16, 300, 300, 30); // 116-128 MB, 610 MB together
        }
        heroku(12, 526);

        Diagnosis d = diagnoseAt(12);

        assertThat(d.cause()).isEqualTo(Diagnosis.TOO_MANY_PROCESSES);
        assertThat(d.summary())
                .isEqualTo("web.1 runs 5 app processes holding 116-128 MB each (610 MB together as"
                        + " each counts its shared pages; the dyno measures 526 MB); with 1 process the dyno would hold about"
                        + " 110 MB (22% of the 512 MB quota).");
        assertThat(d.others())
                .as("host-sized heaps are there too, and said")
                .anyMatch(o -> o.startsWith(Diagnosis.RUNTIME_SIZED_FOR_HOST));
    }

    @Test
    void processesOfAnEarlierDynoOrSilentOnesAreNotCounted() {
        up(0);
        process(10, 1, 200, 80, 100, 256, 30); // before the restart
        up(100);
        process(200, 2, 180, 70, 90, 256, 30);
        process(210, 3, 170, 70, 90, 256, 30); // then silent
        for (long t = 220; t <= 400; t += 20) {
            process(t, 2, 180, 70, 90, 256, 30);
        }
        heroku(400, 300);

        Diagnosis d = diagnoseAt(400);

        assertThat(d.cause()).isNotEqualTo(Diagnosis.TOO_MANY_PROCESSES);
        assertThat(d.others()).noneMatch(other -> other.startsWith(Diagnosis.TOO_MANY_PROCESSES));
    }

    @Test
    void aJvmSizedFromTheHostIsNamedWithItsHeapFiguresAndACap() {
        up(0);
        heroku(20, 300);
        process(60, 7, 560, 11, 384, 1024, 250);
        heroku(60, 560);

        Diagnosis d = diagnoseAt(60);

        assertThat(d.cause()).isEqualTo(Diagnosis.RUNTIME_SIZED_FOR_HOST);
        assertThat(d.confidence()).isEqualTo("high");
        assertThat(d.summary())
                .contains("a heap ceiling of 1024 MB, above the 512 MB quota")
                .contains("heap committed 384 MB while 11 MB is used")
                .contains("250 threads");
        assertThat(d.action()).contains("-Xmx64m");
        assertThat(d.figures()).containsEntry("heap_committed_mb", 384.0).containsEntry("threads", 250L);
    }

    @Test
    void memoryThatIsThereBeforeTheFirstRequestIsAHeavyStart() {
        up(0);
        heroku(20, 400);
        for (long t = 40; t <= 300; t += 20) {
            heroku(t, 400 + (t % 40 == 0 ? 8 : 2));
        }
        requests(61, 300, 30);

        Diagnosis d = diagnoseAt(300);

        assertThat(d.cause()).isEqualTo(Diagnosis.HEAVY_AT_START);
        assertThat(d.confidence()).isEqualTo("high");
        assertThat(d.summary())
                .isEqualTo("400 MB (78% of the 512 MB quota) 20 s after the dyno started, before the"
                        + " first request: what the app loads at start is most of the quota.");
        assertThat(d.signals()).contains("heroku memory after the start", "router traffic", "state changed to up");
        assertThat(d.action()).contains("lazily");
    }

    @Test
    void aReleaseJustBeforeIsNamedBesideTheStart() {
        feed(Obs.atSeconds(-30)
                .dyno("api")
                .dataset("heroku.app")
                .message("Release v42 created by user dev@example.com")
                .build());
        Releases releases = new Releases();
        releases.record(Obs.atSeconds(-30)
                .dyno("api")
                .dataset("heroku.app")
                .message("Release v42 created by user dev@example.com")
                .build());
        up(0);
        heroku(20, 420);
        heroku(40, 425);

        Instant at = Obs.T0.plusSeconds(40);
        Diagnosis d = Diagnostician.diagnose("web.1", timeline, releases.before("myapp", at), at);

        assertThat(d.cause()).isEqualTo(Diagnosis.HEAVY_AT_START);
        assertThat(d.summary()).contains("after the dyno started, the first start of v42");
        assertThat(d.figures()).containsEntry("release", "v42").containsEntry("minutes_since_release", 1.17);
        assertThat(d.signals()).contains("release v42");
    }

    @Test
    void aSlowGenuineLeakIsGrowthOfTheHeapWithTraffic() {
        up(0);
        for (long t = 20; t <= 3600; t += 20) {
            double mb = 200 + t * 320.0 / 3600;
            heroku(t, mb);
            process(t, 9, mb - 30, 60 + t * 300.0 / 3600, 400, 450, 40);
        }
        requests(0, 3600, 60);

        Diagnosis d = diagnoseAt(3600);

        assertThat(d.cause()).isEqualTo(Diagnosis.MEMORY_GROWTH);
        assertThat(d.confidence()).isEqualTo("high");
        assertThat(d.summary())
                .startsWith("Memory grew from 202 MB to 520 MB over 60 min (5.3 MB/min, R\u00b2 1.00)"
                        + " while serving 3600 requests (88.40 MB per 1,000)")
                .contains("the heap grew as fast");
        assertThat(d.action()).contains("heap dump");
        assertThat(d.signals()).contains("heroku memory since the start", "router traffic", "app.memory heap");
    }

    @Test
    void growthOfNativeMemoryWithAFlatHeapPointsOutsideTheHeap() {
        up(0);
        for (long t = 20; t <= 1200; t += 20) {
            double mb = 250 + t * 0.2;
            heroku(t, mb);
            process(t, 9, mb - 20, 80 + (t % 60 == 0 ? 3 : 0), 200, 256, 40);
        }

        Diagnosis d = diagnoseAt(1200);

        assertThat(d.cause()).isEqualTo(Diagnosis.MEMORY_GROWTH);
        assertThat(d.summary()).contains("native memory grew while the heap stayed flat");
        assertThat(d.action()).contains("MALLOC_ARENA_MAX=2");
    }

    @Test
    void withoutAppEventsHerokusOwnLinesStillGiveAConclusionAndSaySoInTheSignals() {
        up(0);
        for (long t = 20; t <= 1800; t += 20) {
            heroku(t, 250 + t * 0.15);
        }
        requests(0, 1800, 60);
        feed(Obs.processRunning(1800, 520, 101.6));

        Diagnosis d = diagnoseAt(1800);

        assertThat(d.cause()).isEqualTo(Diagnosis.MEMORY_GROWTH);
        assertThat(d.signals()).containsExactly("heroku memory since the start", "router traffic");
        assertThat(d.summary()).doesNotContain("heap");
    }

    @Test
    void growthSeenBeforeTheLastRestartToo() {
        up(0);
        for (long t = 20; t <= 600; t += 20) {
            heroku(t, 200 + t * 0.5);
        }
        feed(Obs.atSeconds(620).stateTo("starting").build());
        up(640);
        for (long t = 660; t <= 1260; t += 20) {
            feed(Obs.atSeconds(t)
                    .metricsWith(200 + (t - 640) * 0.5, QUOTA, "heroku.1.b")
                    .build());
        }

        Diagnosis d = diagnoseAt(1260);

        assertThat(d.cause()).isEqualTo(Diagnosis.MEMORY_GROWTH);
        assertThat(d.summary()).contains("the dyno before the last restart grew the same way (30.0 MB/min)");
        assertThat(d.signals()).contains("the previous dyno instance");
    }

    @Test
    void aSingleBigProcessIsNotTooManyProcesses() {
        up(0);
        for (long t = 20; t <= 600; t += 20) {
            process(t, 4, 590 + (t % 40 == 0 ? 5 : 0), 400, 420, 450, 60);
            heroku(t, 600 + (t % 40 == 0 ? 5 : 0));
        }

        Diagnosis d = diagnoseAt(600);

        assertThat(d.cause()).isNotEqualTo(Diagnosis.TOO_MANY_PROCESSES);
        assertThat(d.others()).noneMatch(other -> other.startsWith(Diagnosis.TOO_MANY_PROCESSES));
        assertThat(d.cause()).as("600 MB from the first sample on").isEqualTo(Diagnosis.HEAVY_AT_START);
    }

    @Test
    void flatHighMemoryWithoutStartOrAppEventsIsUndeterminedAndSaysWhatIsMissing() {
        for (long t = 20; t <= 600; t += 20) {
            heroku(t, 530 + (t % 60 == 0 ? 6 : -6));
        }

        Diagnosis d = diagnoseAt(600);

        assertThat(d.cause()).isEqualTo(Diagnosis.UNDETERMINED);
        assertThat(d.confidence()).isEqualTo("low");
        assertThat(d.summary())
                .contains("no memory events of the app's own processes")
                .contains("no start of the dyno seen");
        assertThat(d.signals()).containsExactly("heroku memory");
    }

    @Test
    void nothingKnownAtAllIsUndetermined() {
        Diagnosis d = diagnoseAt(10);

        assertThat(d.cause()).isEqualTo(Diagnosis.UNDETERMINED);
        assertThat(d.summary()).contains("no runtime metrics");
    }
}

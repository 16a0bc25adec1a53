package io.herokuelk.shipper.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.shipper.alert.model.Alert;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class R14AndLifecycleTest {

    private static final String RULES = """
            defaults:
              cooldown: 10m
              realert: 60m
            rules:
              - name: r14
                type: r14
                clear_after: 3m
              - name: r15
                type: r15
            """;

    private final Engines run = new Engines(RULES);

    @Test
    void theFirstR14FiresOnceWithTheMemoryFiguresAndRepeatsDoNotNotify() {
        run.feed(Obs.metrics(0, 600, 512));
        run.feed(Obs.processRunning(10, 620, 121.1));
        var first = run.feed(Obs.r14(10));
        run.feed(Obs.processRunning(30, 630, 123.0));
        var second = run.feed(Obs.r14(30));

        assertThat(first).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(Alert.FIRING);
            assertThat(alert.severity()).isEqualTo("warning");
            assertThat(alert.key()).isEqualTo("r14/myapp/web.1");
            assertThat(alert.figures())
                    .containsEntry("memory_mb", 620.0)
                    .containsEntry("memory_quota_pct", 121.1)
                    .containsEntry("rss_mb", 600.0)
                    .containsEntry("quota_mb", 512.0)
                    .containsEntry("r14_count", 1L);
            assertThat(alert.summary()).contains("web.1 of myapp", "R14", "620 MB");
            assertThat(alert.remediation()).contains("fewer workers or threads", "larger dyno");
        });
        assertThat(second).isEmpty();
    }

    @Test
    void resolvesAfterThreeQuietMinutesWithTheSameStartedAt() {
        run.feed(Obs.r14(0));
        run.feed(Obs.r14(60));
        assertThat(run.tickAtSeconds(60 + 179)).isEmpty();
        var resolved = run.tickAtSeconds(60 + 180);

        assertThat(resolved).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(Alert.RESOLVED);
            assertThat(alert.startedAt()).isEqualTo(Obs.T0);
            assertThat(alert.figures()).containsEntry("r14_count", 2L);
        });
    }

    @Test
    void staysFiringWhileASampleAfterTheLastR14IsStillOverQuota() {
        run.feed(Obs.r14(0));
        run.feed(Obs.metrics(120, 540, 512));
        assertThat(run.tickAtSeconds(400)).isEmpty();

        run.feed(Obs.metrics(420, 480, 512));
        assertThat(run.resolved()).singleElement().extracting(Alert::at).isEqualTo(Obs.T0.plusSeconds(420));
    }

    @Test
    void remindsEveryRealertIntervalWhileFiringKeepingStartedAt() {
        run.feed(Obs.r14(0));
        run.feed(Obs.r14(30 * 60));
        run.feed(Obs.r14(60 * 60 - 1));
        assertThat(run.firing()).hasSize(1);

        run.feed(Obs.r14(60 * 60));
        run.feed(Obs.r14(61 * 60));
        assertThat(run.firing())
                .hasSize(2)
                .allSatisfy(a -> assertThat(a.startedAt()).isEqualTo(Obs.T0));
        assertThat(run.firing().get(1).id()).isNotEqualTo(run.firing().get(0).id());
        assertThat(run.firing().get(1).episodeId())
                .isEqualTo(run.firing().get(0).episodeId());
    }

    @Test
    void reminderAlsoComesFromTheTickWhenNoEventArrives() {
        run.feed(Obs.r14(0));
        run.feed(Obs.metrics(30, 600, 512));
        assertThat(run.tickAtSeconds(3599)).isEmpty();
        assertThat(run.tickAtSeconds(3600))
                .singleElement()
                .satisfies(a -> assertThat(a.state()).isEqualTo(Alert.FIRING));
    }

    @Test
    void aConditionReturningWithinTheCooldownWaitsThenFiresOnceAsOneEpisode() {
        run.feed(Obs.r14(0));
        run.tickAtSeconds(180);
        assertThat(run.resolved()).hasSize(1);

        run.feed(Obs.r14(300));
        run.feed(Obs.r14(450));
        run.feed(Obs.r14(600));
        assertThat(run.firing()).hasSize(1);
        run.tickAtSeconds(180 + 599);
        assertThat(run.firing()).hasSize(1);

        // 10 minutes after the resolve: the held-back condition fires, starting when it came back.
        run.feed(Obs.r14(700));
        var late = run.tickAtSeconds(180 + 600);
        assertThat(late).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(Alert.FIRING);
            assertThat(a.startedAt()).isEqualTo(Obs.T0.plusSeconds(300));
        });
    }

    @Test
    void aConditionThatClearsDuringTheCooldownNeverNotifies() {
        run.feed(Obs.r14(0));
        run.tickAtSeconds(180);
        run.feed(Obs.r14(200));
        run.tickAtSeconds(200 + 180);
        run.tickAtSeconds(2000);
        assertThat(run.firing()).hasSize(1);
        assertThat(run.resolved()).hasSize(1);
    }

    @Test
    void dynosAreSeparateGroups() {
        run.feed(Obs.r14(0));
        run.feed(Obs.atSeconds(1).dyno("web.2").code("R14").build());
        assertThat(run.firing()).extracting(Alert::dyno).containsExactly("web.1", "web.2");
    }

    @Test
    void r15IsCriticalAndResolvesWhenTheDynoIsBack() {
        run.feed(Obs.processRunning(0, 1100, 214.8));
        var fired = run.feed(Obs.atSeconds(0).code("R15").build());
        run.feed(Obs.atSeconds(1).exitCode(137).build());
        assertThat(run.resolved()).isEmpty();
        var back = run.feed(Obs.atSeconds(20).stateTo("starting").build());

        assertThat(fired).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo("critical");
            assertThat(a.type()).isEqualTo("r15");
            assertThat(a.figures()).containsEntry("memory_mb", 1100.0);
            assertThat(a.remediation()).contains("killed");
        });
        assertThat(back).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(Alert.RESOLVED);
            assertThat(a.startedAt()).isEqualTo(Obs.T0);
        });
    }

    @Test
    void r15ResolvesOnANewDynoId() {
        run.feed(Obs.atSeconds(0).metricsWith(400, 512, "heroku.1.a").build());
        run.feed(Obs.atSeconds(10).code("R15").build());
        run.feed(Obs.atSeconds(40).metricsWith(200, 512, "heroku.1.b").build());
        assertThat(run.resolved()).singleElement().extracting(Alert::rule).isEqualTo("r15");
    }

    @Test
    void disabledForAnAppByAnOverride() {
        Engines scoped = new Engines("""
                rules:
                  - name: r14
                    type: r14
                    overrides:
                      - apps: [quiet-*]
                        enabled: false
                """);
        scoped.feed(Obs.atSeconds(0).app("quiet-one").code("R14").build());
        scoped.feed(Obs.atSeconds(0).app("loud").code("R14").build());
        assertThat(scoped.firing()).extracting(Alert::app).containsExactly("loud");
    }

    @Test
    void dynoScopeLeavesOtherDynosAlone() {
        Engines scoped = new Engines("""
                rules:
                  - name: web-r14
                    type: r14
                    dynos: [web.*]
                """);
        scoped.feed(Obs.atSeconds(0).dyno("worker.1").code("R14").build());
        scoped.feed(Obs.atSeconds(0).dyno("web.3").code("R14").build());
        assertThat(scoped.firing()).extracting(Alert::dyno).containsExactly("web.3");
    }

    @Test
    void aTickBeforeAnyEventDecidesNothing() {
        assertThat(run.tickAt(Duration.ofHours(5))).isEmpty();
    }
}

package io.herokuelk.shipper.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.shipper.alert.model.Alert;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamRulesTest {

    private static final String ROUTER = """
            rules:
              - name: router-errors
                type: router_errors
                window: 5m
                min_count: 10
                min_error_pct: 5
            """;

    @Test
    void routerErrorsFireOnCountAndFractionOfTheDynosRequests() {
        Engines run = new Engines(ROUTER);
        for (int i = 0; i < 100; i++) {
            run.feed(Obs.router(i, "web.1", null, "/ok", 20));
            run.feed(Obs.router(i, "web.2", null, "/ok", 20));
        }
        for (int i = 0; i < 9; i++) {
            run.feed(Obs.router(100 + i, "web.1", "H12", "/report", 30000));
        }
        assertThat(run.firing()).as("9 errors").isEmpty();
        run.feed(Obs.router(110, "web.1", "H12", "/report", 30000));

        assertThat(run.firing()).singleElement().satisfies(a -> {
            assertThat(a.dyno()).isEqualTo("web.1");
            assertThat(a.figures())
                    .containsEntry("errors", 10L)
                    .containsEntry("requests", 110L)
                    .containsEntry("top_code", "H12");
            assertThat(a.remediation()).contains("30 s");
            assertThat(a.context().slowest())
                    .first()
                    .extracting(Alert.PathStat::path)
                    .isEqualTo("/report");
        });
    }

    @Test
    void routerErrorsBelowTheFractionDoNotFire() {
        Engines run = new Engines(ROUTER);
        for (int i = 0; i < 250; i++) {
            run.feed(Obs.router(i, "web.1", null, "/ok", 20));
        }
        for (int i = 0; i < 12; i++) {
            run.feed(Obs.router(250 + i, "web.1", "H13", "/x", 5));
        }
        assertThat(run.firing()).as("12 of 262 is 4.6%").isEmpty();
    }

    @Test
    void ignoredCodesAndErrorsWithoutADynoCountForTheirOwnGroup() {
        Engines run = new Engines(ROUTER);
        for (int i = 0; i < 20; i++) {
            run.feed(Obs.router(i, "web.1", "H27", "/", 1));
            run.feed(Obs.router(i, null, "H10", "/", 0));
        }
        assertThat(run.firing()).singleElement().satisfies(a -> {
            assertThat(a.dyno()).isNull();
            assertThat(a.key()).isEqualTo("router-errors/myapp");
            assertThat(a.figures()).containsEntry("top_code", "H10");
        });
    }

    @Test
    void routerErrorsResolveWhenTheWindowSlidesPast() {
        Engines run = new Engines(ROUTER);
        for (int i = 0; i < 10; i++) {
            run.feed(Obs.router(i, "web.1", "H12", "/slow", 30000));
        }
        assertThat(run.firing()).hasSize(1);
        assertThat(run.tickAtSeconds(200)).isEmpty();
        assertThat(run.tickAtSeconds(320))
                .singleElement()
                .satisfies(a -> assertThat(a.state()).isEqualTo(Alert.RESOLVED));
    }

    @Test
    void routerErrorsGroupedByApp() {
        Engines run = new Engines(ROUTER + "    group_by: app\n");
        for (int i = 0; i < 5; i++) {
            run.feed(Obs.router(i, "web.1", "H13", "/", 1));
            run.feed(Obs.router(i, "web.2", "H13", "/", 1));
        }
        assertThat(run.firing())
                .singleElement()
                .satisfies(a -> assertThat(a.dyno()).isNull());
    }

    @Test
    void drainLossFiresOnL10WithTheDroppedCountAndResolvesAfterAQuietWindow() {
        Engines run = new Engines("""
                rules:
                  - name: drain-loss
                    type: drain_loss
                    clear_after: 10m
                """);
        var fired = run.feed(
                Obs.atSeconds(0).dyno("logplex").code("L10").dropped(12).build());
        run.feed(Obs.atSeconds(60).dyno("logplex").code("L10").dropped(3).build());
        assertThat(run.tickAtSeconds(60 + 599)).isEmpty();
        var resolved = run.tickAtSeconds(60 + 600);

        assertThat(fired).singleElement().satisfies(a -> {
            assertThat(a.dyno()).isNull();
            assertThat(a.figures()).containsEntry("dropped", 12L).containsEntry("dropped_total", 12L);
            assertThat(a.remediation()).contains("429/503");
        });
        assertThat(resolved).singleElement().satisfies(a -> {
            assertThat(a.figures()).containsEntry("dropped_total", 15L).containsEntry("loss_count", 2L);
            assertThat(a.startedAt()).isEqualTo(Obs.T0);
        });
    }

    @Test
    void silenceOnlyForAppsSeenBeforeAndResolvedByTheNextEvent() {
        Engines run = new Engines("""
                rules:
                  - name: silence
                    type: silence
                    window: 10m
                """);
        run.feed(Obs.atSeconds(0).build());
        assertThat(run.tickAt(Duration.ofMinutes(9))).isEmpty();
        var silent = run.tickAt(Duration.ofMinutes(10));
        assertThat(run.tickAt(Duration.ofMinutes(11))).isEmpty();
        run.clock.now = Obs.T0.plus(Duration.ofMinutes(12));
        var back = run.feed(Obs.atSeconds(700).build());

        assertThat(silent).singleElement().satisfies(a -> {
            assertThat(a.app()).isEqualTo("myapp");
            assertThat(a.figures()).containsEntry("silent_for", "10m");
            assertThat(a.remediation()).contains("heroku drains");
        });
        assertThat(back).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(Alert.RESOLVED);
            assertThat(a.startedAt()).isEqualTo(Obs.T0.plus(Duration.ofMinutes(10)));
        });
        assertThat(run.alerts).extracting(Alert::app).containsOnly("myapp");
    }

    @Test
    void silenceIsMeasuredInProcessingTimeNotEventTime() {
        Engines run = new Engines("""
                rules:
                  - name: silence
                    type: silence
                """);
        run.feed(Obs.at(Duration.ofHours(-3)).build());
        assertThat(run.tickAt(Duration.ofMinutes(5))).isEmpty();
    }
}

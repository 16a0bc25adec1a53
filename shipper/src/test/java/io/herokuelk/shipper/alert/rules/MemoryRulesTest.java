package io.herokuelk.shipper.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.herokuelk.shipper.alert.diagnosis.LinearTrend;
import io.herokuelk.shipper.alert.model.Alert;
import org.junit.jupiter.api.Test;

class MemoryRulesTest {

    private static final String PRESSURE = """
            rules:
              - name: memory-pressure
                type: memory_pressure
                threshold_pct: 90
                sustain: 2m
                hysteresis_pct: 5
            """;

    private static final String TREND = """
            rules:
              - name: memory-trend
                type: predictive
                window: 10m
                horizon: 15m
                min_samples: 6
                min_span: 5m
                min_r_squared: 0.8
            """;

    @Test
    void pressureFiresOnlyWhenEverySampleOfTheWindowIsAtOrAboveTheThreshold() {
        Engines run = new Engines(PRESSURE);
        for (int s = 0; s <= 100; s += 20) {
            run.feed(Obs.quotaPct(s, 92));
        }
        run.feed(Obs.quotaPct(120, 89.9));
        for (int s = 140; s < 260; s += 20) {
            run.feed(Obs.quotaPct(s, 95));
        }
        assertThat(run.firing()).isEmpty();
        run.feed(Obs.quotaPct(260, 90));

        assertThat(run.firing()).singleElement().satisfies(a -> {
            assertThat(a.at()).isEqualTo(Obs.T0.plusSeconds(260));
            assertThat(a.figures())
                    .containsEntry("memory_pct", 90.0)
                    .containsEntry("threshold_pct", 90.0)
                    .containsEntry("source", "heroku");
        });
    }

    @Test
    void pressureResolvesOnlyBelowThresholdMinusHysteresis() {
        Engines run = new Engines(PRESSURE);
        for (int s = 0; s <= 120; s += 20) {
            run.feed(Obs.quotaPct(s, 93));
        }
        run.feed(Obs.quotaPct(140, 86));
        assertThat(run.resolved()).isEmpty();
        run.feed(Obs.quotaPct(160, 84.9));
        assertThat(run.resolved())
                .singleElement()
                .satisfies(a -> assertThat(a.startedAt()).isEqualTo(Obs.T0.plusSeconds(120)));
    }

    @Test
    void pressureReadsTheAppsOwnPercentOfLimitAndWithAnOverride() {
        Engines run = new Engines(PRESSURE + """
                    overrides:
                      - apps: [big]
                        threshold_pct: 97
                """);
        for (int s = 0; s <= 120; s += 30) {
            run.feed(Obs.atSeconds(s).appPercent(95).build());
            run.feed(Obs.atSeconds(s).app("big").appPercent(95).build());
        }
        assertThat(run.firing()).singleElement().satisfies(a -> {
            assertThat(a.app()).isEqualTo("myapp");
            assertThat(a.figures()).containsEntry("source", "app");
        });
    }

    @Test
    void trendOfTenMegabytesAMinuteTowardAQuotaWarnsWhenTheQuotaIsWithinTheHorizon() {
        Engines run = new Engines(TREND);
        // 300 MB growing 10 MB a minute against 512 MB: the quota is 21.2 minutes away at the start, so the
        // 15-minute horizon is reached after 6.2 minutes (362 MB).
        for (int s = 0; s <= 600; s += 20) {
            run.feed(Obs.metrics(s, 300 + 10.0 * s / 60, 512));
        }
        Alert alert = run.firing().getFirst();
        assertThat(alert.at()).isEqualTo(Obs.T0.plusSeconds(380));
        assertThat((Double) alert.figures().get("minutes_to_quota")).isCloseTo((512 - 363.33) / 10, within(0.05));
        assertThat((Double) alert.figures().get("trend_mb_per_min")).isCloseTo(10, within(0.01));
        assertThat(alert.figures()).containsEntry("r_squared", 1.0);
        assertThat(alert.remediation()).contains("leak");
        assertThat(run.firing()).hasSize(1);
    }

    @Test
    void trendNeedsTheMinimumSamplesAndSpanEvenWhenSteep() {
        Engines run = new Engines(TREND);
        // 2% a minute from 90%: the quota is 5 minutes away from the first sample.
        for (int m = 0; m < 5; m++) {
            run.feed(Obs.quotaPct(m * 60, 80 + 2 * m));
        }
        assertThat(run.firing()).as("5 samples over 4 minutes").isEmpty();
        run.feed(Obs.quotaPct(5 * 60, 90));
        assertThat(run.firing()).as("6 samples over 5 minutes").hasSize(1);
    }

    @Test
    void flatNoisyOrFallingSeriesNeverWarn() {
        Engines flat = new Engines(TREND);
        Engines noisy = new Engines(TREND);
        Engines falling = new Engines(TREND);
        double[] noise = {
            0, 9, -7, 6, -8, 10, -9, 7, -6, 8, -10, 9, -7, 6, -9, 8, -8, 7, -6, 10, -9, 8, -7, 9, -8, 6, -10, 8, -7, 9,
            -6
        };
        for (int i = 0; i <= 30; i++) {
            flat.feed(Obs.quotaPct(i * 20, 85));
            noisy.feed(Obs.quotaPct(i * 20, 80 + noise[i] + i * 0.05));
            falling.feed(Obs.quotaPct(i * 20, 95 - i * 0.5));
        }
        assertThat(flat.firing()).isEmpty();
        assertThat(noisy.firing()).isEmpty();
        assertThat(falling.firing()).isEmpty();
    }

    @Test
    void aRestartStartsTheTrendAfreshAndResolvesAnOpenWarning() {
        Engines run = new Engines(TREND);
        for (int s = 0; s <= 420; s += 20) {
            run.feed(Obs.atSeconds(s)
                    .metricsWith(300 + 10.0 * s / 60, 512, "heroku.1.a")
                    .build());
        }
        assertThat(run.firing()).hasSize(1);

        // A new dyno id: the old series is gone, so the same slope needs its minimum samples and span again.
        for (int s = 440; s <= 440 + 200; s += 20) {
            run.feed(Obs.atSeconds(s)
                    .metricsWith(400 + 10.0 * (s - 440) / 60, 512, "heroku.1.b")
                    .build());
        }
        assertThat(run.resolved()).singleElement().satisfies(a -> {
            assertThat(a.at()).isEqualTo(Obs.T0.plusSeconds(440));
            assertThat(a.summary()).contains("restarted");
        });
        assertThat(run.firing()).hasSize(1);
    }

    @Test
    void aProcessExitAlsoResetsTheTrend() {
        Engines run = new Engines(TREND);
        for (int s = 0; s <= 280; s += 20) {
            run.feed(Obs.metrics(s, 300 + 10.0 * s / 60, 512));
        }
        run.feed(Obs.atSeconds(290).exitCode(0).build());
        for (int s = 300; s <= 420; s += 20) {
            run.feed(Obs.metrics(s, 300 + 10.0 * s / 60, 512));
        }
        assertThat(run.firing())
                .as("only 7 samples over 2 minutes since the exit")
                .isEmpty();
    }

    @Test
    void noEarlyWarningOnceOverQuota() {
        Engines run = new Engines(TREND);
        for (int s = 0; s <= 600; s += 20) {
            run.feed(Obs.quotaPct(s, 101 + s / 60.0));
        }
        assertThat(run.firing()).isEmpty();
    }

    @Test
    void leastSquaresOfAnExactLine() {
        LinearTrend trend = LinearTrend.fit(new double[] {0, 1, 2, 3}, new double[] {5, 7, 9, 11});
        assertThat(trend.slope()).isEqualTo(2.0);
        assertThat(trend.intercept()).isEqualTo(5.0);
        assertThat(trend.rSquared()).isEqualTo(1.0);
        assertThat(LinearTrend.fit(new double[] {1, 1}, new double[] {1, 2})).isNull();
    }
}

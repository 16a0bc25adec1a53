package io.herokuelk.standin.demo;

import java.time.Duration;

/**
 * The alert rules the demo's alerter runs: the shipped rules (shipper's {@code alert-rules.yml}), with every window
 * divided by the pace's time lapse so that alerts keep their meaning when samples come faster, and the trend judged
 * from fewer samples (4 over 3 intervals, not 6 over 5 minutes) so that it speaks within the story's first minute.
 * At {@code heroku} pace nothing is written and the shipped file is used as it is.
 */
final class DemoRules {

    private DemoRules() {}

    static String yaml(DemoPace pace) {
        int lapse = pace.timeLapse();
        return """
                # Written by the demo: the shipped rules with every window divided by %d (pace '%s': runtime
                # metrics every %s instead of Heroku's 20 s); the trend is judged from 4 samples over 3 intervals.
                defaults:
                  cooldown: %s
                  realert: 60m
                rules:
                  - name: r14
                    type: r14
                    severity: warning
                    clear_after: %s
                  - name: r15
                    type: r15
                    severity: critical
                    clear_after: %s
                  - name: memory-pressure
                    type: memory_pressure
                    severity: warning
                    threshold_pct: 90
                    sustain: %s
                    hysteresis_pct: 5
                  - name: memory-trend
                    type: predictive
                    severity: warning
                    window: %s
                    horizon: %s
                    min_samples: 4
                    min_span: %s
                    min_r_squared: 0.8
                  - name: router-errors
                    type: router_errors
                    severity: warning
                    window: %s
                    min_count: 10
                    min_error_pct: 5
                    group_by: dyno
                    ignore_codes: [H27, H80, H81, H82]
                  - name: drain-loss
                    type: drain_loss
                    severity: warning
                    clear_after: %s
                """.formatted(
                        lapse,
                        pace.name(),
                        seconds(pace.metricsInterval()),
                        seconds(Duration.ofMinutes(10).dividedBy(lapse)),
                        seconds(Duration.ofMinutes(3).dividedBy(lapse)),
                        seconds(Duration.ofMinutes(30).dividedBy(lapse)),
                        seconds(Duration.ofMinutes(2).dividedBy(lapse)),
                        seconds(Duration.ofMinutes(10).dividedBy(lapse)),
                        seconds(Duration.ofMinutes(15).dividedBy(lapse)),
                        seconds(pace.metricsInterval().multipliedBy(3)),
                        seconds(Duration.ofMinutes(5).dividedBy(lapse)),
                        seconds(Duration.ofMinutes(10).dividedBy(lapse)));
    }

    private static String seconds(Duration duration) {
        return Math.max(1, duration.toSeconds()) + "s";
    }
}

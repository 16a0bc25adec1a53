package io.herokuelk.shipper.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.shipper.alert.model.Alert;
import io.herokuelk.shipper.alert.model.Diagnosis;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Memory alerts carry the diagnosis of their dyno, and its action is their remediation; other alerts do not. */
class DiagnosisOnAlertsTest {

    private final Engines run = new Engines("""
            defaults:
              cooldown: 10m
            rules:
              - name: r14
                type: r14
                clear_after: 3m
              - name: router-errors
                type: router_errors
                min_count: 2
                min_error_pct: 1
                window: 5m
            """);

    @Test
    void anR14OfADynoWithFiveProcessesSaysSoAndWhatToChange() {
        run.feed(Obs.atSeconds(0).stateTo("up").build());
        for (int pid = 1; pid <= 5; pid++) {
            run.feed(Obs.atSeconds(5)
                    .appMemory(pid, 100 + pid * 5, 40, 80, 300, 30)
                    .limit(512)
                    .worker(pid, 5)
                    .build());
        }
        run.feed(Obs.metrics(10, 600, 512));
        run.feed(Obs.processRunning(12, 610, 119.1));

        List<Alert> fired = run.feed(Obs.r14(12));

        assertThat(fired).singleElement().satisfies(alert -> {
            Diagnosis d = alert.diagnosis();
            assertThat(d.cause()).isEqualTo(Diagnosis.TOO_MANY_PROCESSES);
            assertThat(d.summary())
                    .startsWith("web.1 runs 5 app processes holding 105-125 MB each (total 575 MB of"
                            + " the dyno's 610 MB)");
            assertThat(alert.remediation()).isEqualTo(d.action()).contains("WEB_CONCURRENCY=1 (it is 5)");
        });
        assertThat(run.tickAtSeconds(12 + 181))
                .singleElement()
                .satisfies(resolved -> assertThat(resolved.diagnosis()).isNull());
    }

    @Test
    void routerErrorsCarryNoDiagnosis() {
        run.feed(Obs.router(0, "web.1", "H12", "/slow", 30000));
        List<Alert> fired = run.feed(Obs.router(1, "web.1", "H12", "/slow", 30000));

        assertThat(fired)
                .singleElement()
                .satisfies(alert -> assertThat(alert.diagnosis()).isNull());
    }

    @Test
    void withNothingToGoOnTheDiagnosisSaysSoAndTheRuleHintStays() {
        List<Alert> fired = run.feed(Obs.r14(12));

        assertThat(fired).singleElement().satisfies(alert -> {
            assertThat(alert.diagnosis().cause()).isEqualTo(Diagnosis.UNDETERMINED);
            assertThat(alert.remediation()).contains("Lower the memory one dyno needs");
        });
    }
}

package io.herokuelk.standin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.shipper.alert.config.RuleConfig;
import io.herokuelk.shipper.alert.config.RulesConfig;
import io.herokuelk.shipper.alert.rules.RuleTypes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"quick", "default"})
    void theDemosRulesAreTheShippedOnesTimeLapsedAndTheAlerterAcceptsThem(String paceName) {
        DemoPace pace = DemoPace.named(paceName);
        RulesConfig demo = RuleTypes.rulesFile().parse(DemoRules.yaml(pace), "demo rules");
        RulesConfig shipped = RuleTypes.rulesFile().loadDefaults();

        List<String> shippedNames =
                shipped.rules().stream().map(RuleConfig::name).toList();
        assertThat(demo.rules())
                .extracting(RuleConfig::name)
                .containsAll(Incident.EXPECTED_RULES)
                .allSatisfy(name -> assertThat(shippedNames).contains(name));
        for (RuleConfig rule : demo.rules()) {
            RuleConfig original = shipped.rules().stream()
                    .filter(r -> r.name().equals(rule.name()))
                    .findFirst()
                    .orElseThrow();
            assertThat(rule.type()).as(rule.name()).isEqualTo(original.type());
            assertThat(rule.severity()).as(rule.name()).isEqualTo(original.severity());
        }
        assertThat(demo.rules().stream()
                        .filter(rule -> rule.name().equals("memory-pressure"))
                        .findFirst()
                        .orElseThrow()
                        .cooldown())
                .isEqualTo(Duration.ofMinutes(10).dividedBy(pace.timeLapse()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"quick", "default", "heroku"})
    void theIncidentFitsBetweenTheQuotaAndTheR15Limit(String paceName) {
        DemoPace pace = DemoPace.named(paceName);
        assertThat(Incident.PEAK_MB).isGreaterThan(512).isLessThan(1024);
        assertThat(pace.alertWait())
                .isGreaterThan(pace.approach().plus(pace.overshoot()).plus(pace.atPeak()));
    }
}

package io.herokuelk.shipper.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokuelk.shipper.alert.config.RuleConfig;
import io.herokuelk.shipper.alert.config.RulesConfig;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RuleTypesTest {

    static Iterable<String> names() {
        return RuleTypes.names();
    }

    /** A rule that names only its type gets the type's defaults, its default severity and a rule to evaluate it. */
    @ParameterizedTest
    @MethodSource("names")
    void aRuleOfEachTypeNeedsNothingButItsType(String name) {
        RulesConfig config =
                RuleTypes.rulesFile().parse("rules:\n  - name: only-a-type\n    type: " + name + "\n", "test.yml");
        RuleConfig rule = config.rules().getFirst();
        RuleType type = RuleTypes.of(name);
        assertThat(rule.settings()).isEqualTo(type.options().defaults());
        assertThat(rule.severity()).isEqualTo(type.defaultSeverity());
        assertThat(new RuleEngine(config, new Engines.TestClock()).tick(Instant.EPOCH))
                .isEmpty();
        assertThat(type.remediation().forFigures(Map.of())).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({
        "r14, DYNO, warning, true",
        "r15, DYNO, critical, true",
        "memory_pressure, DYNO, warning, true",
        "predictive, DYNO, warning, true",
        "router_errors, DYNO, warning, false",
        "drain_loss, APP, warning, false",
        "silence, APP_AT_ONCE, warning, false"
    })
    void eachTypeSaysWhatItWatchesHowSevereItIsAndWhetherItIsDiagnosed(
            String name, RuleType.Reach reach, String severity, boolean diagnosed) {
        RuleType type = RuleTypes.of(name);
        assertThat(type.reach()).isEqualTo(reach);
        assertThat(type.defaultSeverity()).isEqualTo(severity);
        assertThat(type.diagnosed()).isEqualTo(diagnosed);
        assertThat(type.perDyno()).isEqualTo(reach == RuleType.Reach.DYNO);
    }

    @Test
    void theHintFollowsTheFigures() {
        assertThat(RuleTypes.of("r14").remediation().forFigures(Map.of("swap_mb", 42.0)))
                .startsWith("The dyno is swapping (42.0 MB)");
        assertThat(RuleTypes.of("router_errors").remediation().forFigures(Map.of("top_code", "H12")))
                .startsWith("Requests took over 30 s");
        assertThat(RuleTypes.of("drain_loss").remediation().forFigures(Map.of("code", "L12")))
                .contains("log-shuttle");
    }

    @Test
    void anUnknownTypeIsRefusedByName() {
        assertThatThrownBy(() -> RuleTypes.of("r16"))
                .hasMessageContaining("No rule type 'r16'")
                .hasMessageContaining("r14");
    }
}

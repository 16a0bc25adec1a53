package io.herokuelk.shipper.alert.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokuelk.shipper.alert.rules.RuleTypes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesFileLoaderTest {

    private static final Path BAD = Path.of("src/test/resources/alert");

    @Test
    void theDefaultFileLoadsWithOneRuleOfEachType() {
        RulesConfig config = RuleTypes.rulesFile().load(Optional.empty());
        assertThat(config.rules()).extracting(RuleConfig::type).containsExactlyInAnyOrderElementsOf(RuleTypes.names());
        assertThat(config.rules()).extracting(RuleConfig::name).doesNotHaveDuplicates();
        RuleConfig pressure = config.rules().stream()
                .filter(r -> r.type().equals("memory_pressure"))
                .findFirst()
                .orElseThrow();
        assertThat(pressure.settingsFor("any", RuleSettings.MemoryPressure.class))
                .isEqualTo(RuleSettings.MemoryPressure.DEFAULTS);
        assertThat(pressure.cooldown()).isEqualTo(Duration.ofMinutes(10));
        assertThat(pressure.realert()).isEqualTo(Duration.ofMinutes(60));
        assertThat(config.context()).isEqualTo(RulesConfig.Context.DEFAULTS);
        assertThat(config.limits()).isEqualTo(RulesConfig.Limits.DEFAULTS);
    }

    @Test
    void theFileNamedByTheEnvironmentWins() {
        RulesConfig config =
                RuleTypes.rulesFile().load(Optional.of(BAD.resolve("good.yml").toString()));
        assertThat(config.rules()).hasSize(2);
        RuleConfig router = config.rules().get(1);
        assertThat(router.scope().apps()).containsExactly("shop", "shop-*");
        assertThat(router.settingsFor("shop", RuleSettings.RouterErrors.class).minCount())
                .isEqualTo(20);
        assertThat(router.settingsFor("shop-eu", RuleSettings.RouterErrors.class)
                        .minCount())
                .isEqualTo(50);
        assertThat(router.settingsFor("shop-eu", RuleSettings.RouterErrors.class)
                        .window())
                .as("inherited from the rule")
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(router.appliesTo("other", "web.1")).isFalse();
        assertThat(router.cooldown()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.rules().getFirst().appliesTo("shop", "worker.1")).isFalse();
        assertThat(config.rules().getFirst().appliesTo("shop", "web.12")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            unknown-type.yml   | 6  | unknown rule type 'r16' in rule 'heavy' (did you mean 'r14'?)
            unknown-key.yml    | 8  | unknown key 'treshold_pct' in rule 'pressure' (did you mean 'threshold_pct'?)
            bad-duration.yml   | 5  | 'sustain' in rule 'pressure' is not a duration: '2 minutes'
            out-of-range.yml   | 4  | 'min_r_squared' in rule 'trend' is out of range: 1.5 (allowed 0 to 1)
            duplicate-name.yml | 7  | duplicate rule name 'r14' (first at line 2)
            not-yaml.yml       | 4  | (while parsing a flow sequence at line 3)
            dynos-on-app-rule.yml | 4 | 'dynos' in rule 'quiet' has no effect: silence rules watch whole apps
            override-key.yml   | 7  | unknown key 'sustian' in an override of rule 'pressure' (did you mean 'sustain'?)
            """)
    void aBadFileFailsNamingTheLineAndTheProblem(String file, int line, String problem) {
        assertThatThrownBy(() -> RuleTypes.rulesFile().load(BAD.resolve(file)))
                .isInstanceOf(RuleConfigException.class)
                .satisfies(e -> assertThat(((RuleConfigException) e).problems()).anySatisfy(p -> {
                    assertThat(p.line()).isEqualTo(line);
                    assertThat(p.message()).contains(problem);
                }))
                .hasMessageContaining(file + " line " + line + ": ");
    }

    @Test
    void allProblemsOfAFileAreReportedTogether() {
        RuleConfigException e = (RuleConfigException) org.assertj.core.api.Assertions.catchThrowable(
                () -> RuleTypes.rulesFile().parse("""
                        rules:
                          - name: a
                            type: r14
                            severity: loud
                            clear_after: -3m
                          - type: silence
                        """, "inline"));
        assertThat(e.problems()).extracting(RuleConfigException.Problem::line).containsExactly(4, 5, 6);
        assertThat(e.getMessage()).contains("inline line 4: 'severity' in rule 'a' must be warning or critical");
    }

    @Test
    void anEmptyFileOrOneWithoutRulesIsRefused() {
        assertThatThrownBy(() -> RuleTypes.rulesFile().parse("", "empty.yml")).hasMessageContaining("line 1: is empty");
        assertThatThrownBy(() -> RuleTypes.rulesFile().parse("defaults:\n  realert: 1h\n", "x.yml"))
                .hasMessageContaining("has no 'rules:' list");
        assertThat(RuleTypes.rulesFile().parse("rules: []\n", "off.yml").rules())
                .isEmpty();
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> RuleTypes.rulesFile().load(Path.of("/nonexistent/rules.yml")))
                .hasMessageContaining("/nonexistent/rules.yml")
                .hasMessageContaining("cannot be read");
    }

    @ParameterizedTest
    @CsvSource({"2m, PT2M", "90s, PT1M30S", "1h30m, PT1H30M", "500ms, PT0.5S", "1d, PT24H"})
    void durationsAsPeopleWriteThem(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
        assertThat(Durations.parse(Durations.format(expected))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"2", "2 m", "m2", "2mm", "-3m", "1.5m"})
    void notDurations(String text) {
        assertThat(Durations.parse(text)).isNull();
    }
}

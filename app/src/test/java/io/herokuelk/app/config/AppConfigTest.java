package io.herokuelk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {

    @Test
    void defaultsWhenNothingIsSet() {
        AppConfig config = AppConfig.from(Map.of());
        assertThat(config.http().port()).isEqualTo(5000);
        assertThat(config.memory().limitMbOverride()).isEmpty();
        assertThat(config.memory().sampleInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.memory().warnFractions()).containsExactly(0.8, 0.95);
        assertThat(config.demoMemoryEndpoint()).isFalse();
        assertThat(config.preload()).isFalse();
        assertThat(config.logLevel()).isEqualTo("INFO");
    }

    @Test
    void readsEveryVariable() {
        AppConfig config = AppConfig.from(Map.of(
                "PORT", "8080",
                "MEMORY_LIMIT_MB", "1024",
                "MEMORY_SAMPLE_SECONDS", "5",
                "MEMORY_WARN_FRACTIONS", "0.95, 0.7,0.95",
                "DEMO_MEMORY_ENDPOINT", "true",
                "PRELOAD_COMPONENTS", "true",
                "LOG_LEVEL", "debug"));
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.memory().limitMbOverride()).hasValue(1024);
        assertThat(config.memory().sampleInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.memory().warnFractions()).containsExactly(0.7, 0.95);
        assertThat(config.demoMemoryEndpoint()).isTrue();
        assertThat(config.preload()).isTrue();
        assertThat(config.logLevel()).isEqualTo("DEBUG");
    }

    @Test
    void namesEveryBadVariableAtOnce() {
        assertThatThrownBy(() -> AppConfig.from(Map.of(
                        "PORT", "http",
                        "MEMORY_LIMIT_MB", "-5",
                        "MEMORY_WARN_FRACTIONS", "0.8,lots",
                        "DEMO_MEMORY_ENDPOINT", "maybe")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .hasSize(4)
                                .anySatisfy(p -> assertThat(p).startsWith("PORT "))
                                .anySatisfy(p -> assertThat(p).startsWith("MEMORY_LIMIT_MB "))
                                .anySatisfy(p -> assertThat(p).startsWith("MEMORY_WARN_FRACTIONS "))
                                .anySatisfy(p -> assertThat(p).startsWith("DEMO_MEMORY_ENDPOINT ")));
    }

    @Test
    void blankValuesMeanUnset() {
        assertThat(AppConfig.from(Map.of("PORT", " ")).http().port()).isEqualTo(5000);
    }

    @Test
    void problemsNameTheVariableAndTheValueButNothingElse() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("HTTP_MAX_CONCURRENT", "0")))
                .hasMessage("Invalid configuration: HTTP_MAX_CONCURRENT must be between 1 and 1024, got 0");
    }
}

package io.herokuelk.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandInSettingsTest {

    @Test
    void defaultsAreHerokusAndTheRestOfTheEnvironmentIsTheAppsConfig() {
        StandInSettings settings = StandInSettings.fromEnvironment(Map.of(
                "DRAIN_URL", "https://user:secret@drain.example.com/logs/myapp",
                "WEB_CONCURRENCY", "3",
                "GREETING", "hello"));
        assertThat(settings.dynos()).isEqualTo(1);
        assertThat(settings.processes()).isEqualTo(3);
        assertThat(settings.quotaMb()).isEqualTo(512);
        assertThat(settings.metricsInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.routerTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.procfile().endsWith(java.nio.file.Path.of("app", "Procfile")))
                .isTrue();
        assertThat(settings.configVars())
                .containsEntry("GREETING", "hello")
                .containsEntry("WEB_CONCURRENCY", "3")
                .doesNotContainKeys("DRAIN_URL");
    }

    @Test
    void namesEveryBadVariableAtOnceWithoutRepeatingTheDrainsPassword() {
        assertThatThrownBy(() -> StandInSettings.fromEnvironment(Map.of(
                        "DRAIN_URL", "ftp://user:secret@drain.example.com/logs",
                        "ROUTER_PORT", "eighty",
                        "WEB_DYNOS", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DRAIN_URL must be an http(s) URL")
                .hasMessageContaining("ROUTER_PORT=eighty")
                .hasMessageContaining("WEB_DYNOS=0")
                .hasMessageNotContaining("secret");
    }

    @Test
    void theDrainIsRequired() {
        assertThatThrownBy(() -> StandInSettings.fromEnvironment(Map.of()))
                .hasMessageContaining("DRAIN_URL is required");
    }
}

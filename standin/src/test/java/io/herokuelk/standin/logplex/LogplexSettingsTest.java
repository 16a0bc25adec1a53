package io.herokuelk.standin.logplex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogplexSettingsTest {

    private static final LogplexSettings DEFAULTS =
            LogplexSettings.defaults(URI.create("https://u:p@drain.example/logs"));

    @Test
    void eachWitherChangesItsFieldsAndKeepsTheRest() {
        LogplexSettings changed = DEFAULTS.withDrainToken("d.other")
                .withBufferCapacity(7)
                .withBatchLimits(2_000, 9)
                .withFlushInterval(Duration.ofMillis(50))
                .withRetries(5, Duration.ofMillis(20))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2))
                .withCloseTimeout(Duration.ZERO)
                .withUserAgent("Logplex/test");
        assertThat(changed)
                .isEqualTo(new LogplexSettings(
                        DEFAULTS.drainUrl(),
                        "d.other",
                        7,
                        2_000,
                        9,
                        Duration.ofMillis(50),
                        5,
                        Duration.ofMillis(20),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ZERO,
                        "Logplex/test"));
        assertThat(DEFAULTS.withFlushInterval(Duration.ofMillis(50)))
                .usingRecursiveComparison()
                .ignoringFields("flushInterval")
                .isEqualTo(DEFAULTS);
    }

    @Test
    void aWitherValidatesLikeTheConstructor() {
        assertThatThrownBy(() -> DEFAULTS.withRetries(0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxTries");
        assertThatThrownBy(() -> DEFAULTS.withFlushInterval(Duration.ZERO))
                .hasMessageContaining("flushInterval must be positive");
    }
}

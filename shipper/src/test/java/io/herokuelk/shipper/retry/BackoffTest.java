package io.herokuelk.shipper.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void pausesDoubleFromTheFirstStepUpToTheMaximum() {
        Backoff top = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), () -> 0.999999);

        assertThat(top.delay(0)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
        assertThat(top.delay(1)).isBetween(Duration.ofMillis(199), Duration.ofMillis(200));
        assertThat(top.delay(5)).isBetween(Duration.ofMillis(3199), Duration.ofMillis(3200));
        assertThat(top.delay(20)).isBetween(Duration.ofMillis(29_999), Duration.ofSeconds(30));
        assertThat(top.delay(Integer.MAX_VALUE)).isBetween(Duration.ofMillis(29_999), Duration.ofSeconds(30));
    }

    @Test
    void jitterNeverShortensAPauseBelowHalfItsStep() {
        Backoff bottom = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), () -> 0.0);

        assertThat(bottom.delay(0)).isEqualTo(Duration.ofMillis(50));
        assertThat(bottom.delay(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(bottom.delay(63)).isEqualTo(Duration.ofSeconds(15));
    }
}

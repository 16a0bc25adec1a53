package io.herokuelk.app.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokuelk.app.memory.ThresholdWatch.Crossed;
import io.herokuelk.app.memory.ThresholdWatch.Recovered;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdWatchTest {

    private static final long SECOND = 1_000_000_000L;

    private final ThresholdWatch watch = new ThresholdWatch(List.of(0.8, 0.95), 0.05, Duration.ofSeconds(300));

    @Test
    void belowEveryThresholdSaysNothing() {
        assertThat(watch.update(0.5, 0)).isEmpty();
        assertThat(watch.update(0.79, SECOND)).isEmpty();
    }

    @Test
    void crossingWarnsOnceAndHoveringAroundTheThresholdDoesNotFlap() {
        assertThat(watch.update(0.81, 0)).containsExactly(new Crossed(0.8, false));
        assertThat(watch.update(0.79, SECOND)).isEmpty(); // inside the hysteresis band
        assertThat(watch.update(0.80, 2 * SECOND)).isEmpty(); // back above: still the same episode
        assertThat(watch.update(0.76, 3 * SECOND)).isEmpty();
    }

    @Test
    void fallingBelowTheHysteresisMarginRecoversAndReArms() {
        watch.update(0.85, 0);
        assertThat(watch.update(0.749, SECOND)).containsExactly(new Recovered(0.8));
        assertThat(watch.update(0.80, 2 * SECOND)).containsExactly(new Crossed(0.8, false));
    }

    @Test
    void aJumpPastSeveralThresholdsWarnsForEach() {
        assertThat(watch.update(0.97, 0)).containsExactly(new Crossed(0.8, false), new Crossed(0.95, false));
        assertThat(watch.update(0.5, SECOND)).containsExactly(new Recovered(0.8), new Recovered(0.95));
    }

    @Test
    void stayingAboveRepeatsOnlyTheHighestThresholdOncePerInterval() {
        watch.update(0.97, 0);
        assertThat(watch.update(0.97, 299 * SECOND)).isEmpty();
        assertThat(watch.update(0.97, 300 * SECOND)).containsExactly(new Crossed(0.95, true));
        assertThat(watch.update(0.97, 301 * SECOND)).isEmpty();
        assertThat(watch.update(0.97, 600 * SECOND)).containsExactly(new Crossed(0.95, true));
    }

    @Test
    void noReminderInsideTheHysteresisBand() {
        watch.update(0.82, 0);
        assertThat(watch.update(0.78, 1_000 * SECOND)).isEmpty();
    }

    @Test
    void aZeroRepeatIntervalTurnsRemindersOff() {
        ThresholdWatch quiet = new ThresholdWatch(List.of(0.8), 0.05, Duration.ZERO);
        quiet.update(0.9, 0);
        assertThat(quiet.update(0.9, 10_000 * SECOND)).isEmpty();
    }
}

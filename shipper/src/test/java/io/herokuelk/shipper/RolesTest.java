package io.herokuelk.shipper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokuelk.shipper.config.TelemetrySettings;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RolesTest {

    /** A role that runs until stopped, or until {@link #end()} makes it stop on its own. */
    private static final class FakeRole implements Role {
        final CountDownLatch ended = new CountDownLatch(1);
        final AtomicInteger stops = new AtomicInteger();

        @Override
        public Running start(
                io.prometheus.metrics.model.registry.PrometheusRegistry registry,
                io.herokuelk.shipper.telemetry.Readiness readiness) {
            return new Running("fake", ended::await, () -> {
                stops.incrementAndGet();
                ended.countDown();
            });
        }

        void end() {
            ended.countDown();
        }
    }

    @Test
    @Timeout(10)
    void whenOneRoleEndsOnItsOwnTheOthersAreStoppedAndTheExitCodeSaysSo() throws Exception {
        FakeRole alerter = new FakeRole();
        FakeRole indexer = new FakeRole();
        indexer.end();

        assertThat(Roles.run(plan(alerter, indexer))).isEqualTo(1);
        assertThat(alerter.stops).hasValue(1);
        assertThat(indexer.stops)
                .as("each role is stopped once, whichever ended")
                .hasValue(1);
    }

    @Test
    void aRoleThatCannotStartStopsTheOnesAlreadyRunning() {
        FakeRole alerter = new FakeRole();
        Role broken = (registry, readiness) -> {
            throw new IllegalStateException("no broker");
        };

        assertThatThrownBy(() -> Roles.run(plan(alerter, broken))).hasMessage("no broker");
        assertThat(alerter.stops).hasValue(1);
    }

    private static Roles.Plan plan(Role... roles) {
        return new Roles.Plan(List.of(roles), new TelemetrySettings(Optional.empty(), java.util.Map.of()));
    }

    @Test
    void workIsACommand() {
        assertThat(Main.commands()).containsKeys("ingest", "index", "alert", "work", "setup");
    }
}

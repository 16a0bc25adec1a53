package io.herokuelk.shipper.alert.rules;

import io.herokuelk.shipper.alert.model.Alert;
import io.herokuelk.shipper.alert.model.Observation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** An engine over a rules text, a clock the test moves, and the alerts collected. */
final class Engines {

    /** A clock that moves only when told: no test sleeps. */
    static final class TestClock extends Clock {
        Instant now = Obs.T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final TestClock clock = new TestClock();
    final RuleEngine engine;
    final List<Alert> alerts = new ArrayList<>();

    Engines(String yaml) {
        engine = new RuleEngine(RuleTypes.rulesFile().parse(yaml, "test.yml"), clock);
    }

    List<Alert> feed(Observation observation) {
        List<Alert> decided = engine.observe(observation);
        alerts.addAll(decided);
        return decided;
    }

    List<Alert> tickAt(Duration sinceT0) {
        clock.now = Obs.T0.plus(sinceT0);
        List<Alert> decided = engine.tick(clock.now);
        alerts.addAll(decided);
        return decided;
    }

    List<Alert> tickAtSeconds(long seconds) {
        return tickAt(Duration.ofSeconds(seconds));
    }

    List<Alert> firing() {
        return alerts.stream().filter(a -> a.state().equals(Alert.FIRING)).toList();
    }

    List<Alert> resolved() {
        return alerts.stream().filter(a -> a.state().equals(Alert.RESOLVED)).toList();
    }
}

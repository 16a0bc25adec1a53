package io.herokuelk.shipper.alert.rules;

import io.herokuelk.shipper.alert.config.Durations;
import io.herokuelk.shipper.alert.config.RuleConfig;
import io.herokuelk.shipper.alert.config.RuleSettings;
import io.herokuelk.shipper.alert.diagnosis.Figures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * No event from an app for a window: a broken drain looks like a quiet app. Measured in processing time (the
 * clock), since what matters is that nothing arrives; only apps seen before are watched. Resolves on the next event.
 */
final class SilenceRule extends GroupRule<String, SilenceRule.State> {

    static final class State {
        Instant lastArrival;
        Instant lastEventAt;
        boolean silent;
    }

    private final Clock clock;

    SilenceRule(RuleConfig config, Clock clock, int maxGroups) {
        super(config, maxGroups);
        this.clock = clock;
    }

    @Override
    public List<Signal> observe(Event event) {
        String app = event.observation().app();
        State state = states.computeIfAbsent(app, a -> new State());
        Instant now = clock.instant();
        List<Signal> signals = List.of();
        if (state.silent) {
            state.silent = false;
            signals = List.of(Signal.cleared(
                    new Group(app, null), now, "Events from " + app + " arrive again", figures(state, now)));
        }
        state.lastArrival = now;
        state.lastEventAt = event.observation().timestamp();
        return signals;
    }

    @Override
    public List<Signal> tick(Instant now) {
        List<Signal> signals = new ArrayList<>();
        states.forEach((app, state) -> {
            Duration window =
                    config.settingsFor(app, RuleSettings.Silence.class).window();
            if (!now.isBefore(state.lastArrival.plus(window))) {
                state.silent = true;
                signals.add(Signal.firing(
                        new Group(app, null),
                        now,
                        "No events from " + app + " for "
                                + Durations.format(
                                        Duration.between(state.lastArrival, now).truncatedTo(ChronoUnit.MINUTES)),
                        figures(state, now)));
            }
        });
        return signals;
    }

    private static Map<String, Object> figures(State state, Instant now) {
        return new Figures()
                .put("silent_for", Duration.between(state.lastArrival, now).truncatedTo(ChronoUnit.SECONDS))
                .put("last_event_at", state.lastEventAt)
                .put("last_arrival_at", state.lastArrival)
                .build();
    }
}

package io.herokuelk.shipper.alert.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.herokuelk.shipper.alert.Observation;
import io.herokuelk.shipper.alert.config.Durations;
import io.herokuelk.shipper.alert.config.RuleConfig;
import io.herokuelk.shipper.alert.config.RuleSettings;

/** Error L10: Logplex dropped lines for the app's drain. Clears after {@code clear_after} without another L10. */
final class DrainLossRule extends GroupRule<String, DrainLossRule.State> {

    static final class State {
        Instant lastL10;
        long messages;
        long dropped;
        boolean active;
    }


    DrainLossRule(RuleConfig config, int maxGroups) {
        super(config, maxGroups);
    }

    @Override
    public List<Signal> observe(Event event) {
        Observation o = event.observation();
        Group group = new Group(o.app(), null);
        if ("L10".equals(o.code())) {
            State state = states.computeIfAbsent(o.app(), app -> new State());
            if (!state.active) {
                state.messages = 0;
                state.dropped = 0;
            }
            state.active = true;
            state.lastL10 = o.timestamp();
            state.messages++;
            long dropped = o.droppedMessages() == null ? 0 : o.droppedMessages();
            state.dropped += dropped;
            return List.of(Signal.firing(group, o.timestamp(), "Logplex dropped " + state.dropped + " lines of "
                    + o.app() + " on their way to the drain (Error L10)", new Figures()
                    .put("dropped", dropped)
                    .put("dropped_total", state.dropped)
                    .put("l10_count", state.messages)
                    .put("last_l10_at", state.lastL10)
                    .build()));
        }
        State state = states.get(o.app());
        return state != null && state.active ? clearIfQuiet(group, state, o.timestamp()) : List.of();
    }

    @Override
    public List<Signal> tick(Instant now) {
        List<Signal> signals = new ArrayList<>();
        states.forEach((app, state) -> {
            if (state.active) {
                signals.addAll(clearIfQuiet(new Group(app, null), state, now));
            }
        });
        return signals;
    }

    private List<Signal> clearIfQuiet(Group group, State state, Instant now) {
        Duration clearAfter = config.settingsFor(group.app(), RuleSettings.DrainLoss.class).clearAfter();
        if (now.isBefore(state.lastL10.plus(clearAfter))) {
            return List.of();
        }
        state.active = false;
        return List.of(Signal.cleared(group, now, "No lines of " + group.app() + " dropped for "
                + Durations.format(clearAfter), new Figures()
                .put("dropped_total", state.dropped)
                .put("l10_count", state.messages)
                .put("last_l10_at", state.lastL10)
                .build()));
    }
}

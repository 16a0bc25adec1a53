package io.herokuelk.shipper.alert.rules;

import io.herokuelk.shipper.alert.config.Durations;
import io.herokuelk.shipper.alert.config.RuleConfig;
import io.herokuelk.shipper.alert.config.RuleSettings;
import io.herokuelk.shipper.alert.diagnosis.Figures;
import io.herokuelk.shipper.alert.model.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines lost on their way to the drain: Error L10 (Logplex's buffer for the drain overflowed) and Error L12 (the
 * dyno's log-shuttle dropped lines before Logplex). Clears after {@code clear_after} without another.
 */
final class DrainLossRule extends GroupRule<String, DrainLossRule.State> {

    static final class State {
        Instant lastLoss;
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
        String code = o.code();
        if ("L10".equals(code) || "L12".equals(code)) {
            State state = states.computeIfAbsent(o.app(), app -> new State());
            if (!state.active) {
                state.messages = 0;
                state.dropped = 0;
            }
            state.active = true;
            state.lastLoss = o.timestamp();
            state.messages++;
            long dropped = o.droppedMessages() == null ? 0 : o.droppedMessages();
            state.dropped += dropped;
            String where = code.equals("L10")
                    ? "Logplex dropped " + state.dropped + " lines of " + o.app()
                            + " on their way to the drain (Error L10)"
                    : "The dynos of " + o.app() + " dropped " + state.dropped + " lines before Logplex (Error L12: they"
                            + " wrote logs faster than log-shuttle could send them)";
            return List.of(Signal.firing(
                    group,
                    o.timestamp(),
                    where,
                    new Figures()
                            .put("code", code)
                            .put("dropped", dropped)
                            .put("dropped_total", state.dropped)
                            .put("loss_count", state.messages)
                            .put("last_loss_at", state.lastLoss)
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
        Duration clearAfter =
                config.settingsFor(group.app(), RuleSettings.DrainLoss.class).clearAfter();
        if (now.isBefore(state.lastLoss.plus(clearAfter))) {
            return List.of();
        }
        state.active = false;
        return List.of(Signal.cleared(
                group,
                now,
                "No lines of " + group.app() + " dropped for " + Durations.format(clearAfter),
                new Figures()
                        .put("dropped_total", state.dropped)
                        .put("loss_count", state.messages)
                        .put("last_loss_at", state.lastLoss)
                        .build()));
    }
}

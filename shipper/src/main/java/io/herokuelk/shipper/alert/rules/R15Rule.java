package io.herokuelk.shipper.alert.rules;

import io.herokuelk.shipper.alert.config.Durations;
import io.herokuelk.shipper.alert.config.RuleConfig;
import io.herokuelk.shipper.alert.config.RuleSettings;
import io.herokuelk.shipper.alert.model.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Error R15 on a dyno: it is being killed. Clears when the dyno is back (starting, up, or a new dyno id), or failing
 * that after {@code clear_after} without another R15.
 */
final class R15Rule extends DynoErrorRule {

    R15Rule(RuleConfig config, DynoHistory history, int maxGroups) {
        super(config, history, maxGroups, "R15");
    }

    @Override
    Signal fired(Group group, ErrorEpisode state, Observation line) {
        Observation process = MemoryFigures.nearestProcessLine(history, group, line.timestamp());
        return Signal.firing(
                group,
                line.timestamp(),
                group.describe()
                        + " is far over its memory quota and being killed (Error R15)"
                        + (process == null
                                ? ""
                                : ": " + Math.round(process.processMb()) + " MB, " + process.quotaPct() + "% of quota"),
                figures(group, state, process));
    }

    @Override
    List<Signal> whileOpen(Group group, ErrorEpisode state, Event event) {
        Instant at = event.observation().timestamp();
        if (event.dynoBack() && at.isAfter(state.last)) {
            state.active = false;
            return List.of(
                    Signal.cleared(group, at, group.describe() + " restarted after R15", figures(group, state, null)));
        }
        return List.of();
    }

    @Override
    public List<Signal> tick(Instant now) {
        List<Signal> signals = new ArrayList<>();
        states.forEach((group, state) -> {
            Duration clearAfter =
                    config.settingsFor(group.app(), RuleSettings.R15.class).clearAfter();
            if (state.active && !now.isBefore(state.last.plus(clearAfter))) {
                state.active = false;
                signals.add(Signal.cleared(
                        group,
                        now,
                        group.describe() + ": no R15 for " + Durations.format(clearAfter),
                        figures(group, state, null)));
            }
        });
        return signals;
    }

    private Map<String, Object> figures(Group group, ErrorEpisode state, Observation process) {
        return MemoryFigures.of(history, group, process)
                .put("r15_count", state.count)
                .put("last_r15_at", state.last)
                .build();
    }
}

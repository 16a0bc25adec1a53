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
import java.util.Map;

/**
 * Error R14 on a dyno: fires at the first line. Clears once the dyno has had no R14 for {@code clear_after} and no
 * memory reading since shows it over quota (R14 repeats while over quota, so quiet alone usually means recovered).
 */
final class R14Rule extends DynoErrorRule {

    /** The {@code Process running} line of an R14 pair may trail it; readings this close belong to the episode. */
    private static final Duration PAIR_SLACK = Duration.ofSeconds(5);

    R14Rule(RuleConfig config, DynoHistory history, int maxGroups) {
        super(config, history, maxGroups, "R14");
    }

    @Override
    Signal fired(Group group, ErrorEpisode state, Observation line) {
        return Signal.firing(group, line.timestamp(), summary(group, state), figures(group, state));
    }

    @Override
    List<Signal> whileOpen(Group group, ErrorEpisode state, Event event) {
        return clearIfRecovered(group, state, event.observation().timestamp());
    }

    @Override
    public List<Signal> tick(Instant now) {
        List<Signal> signals = new ArrayList<>();
        states.forEach((group, state) -> {
            if (state.active) {
                signals.addAll(clearIfRecovered(group, state, now));
            }
        });
        return signals;
    }

    private List<Signal> clearIfRecovered(Group group, ErrorEpisode state, Instant now) {
        Duration clearAfter =
                config.settingsFor(group.app(), RuleSettings.R14.class).clearAfter();
        if (now.isBefore(state.last.plus(clearAfter)) || overQuotaSince(group, state.last)) {
            return List.of();
        }
        state.active = false;
        return List.of(Signal.cleared(
                group,
                now,
                group.describe() + ": no R14 for " + Durations.format(clearAfter) + " and memory back under quota",
                figures(group, state)));
    }

    private boolean overQuotaSince(Group group, Instant lastR14) {
        DynoHistory.Dyno dyno = history.dyno(group);
        if (dyno == null) {
            return false;
        }
        Instant after = lastR14.plus(PAIR_SLACK);
        return overQuota(dyno.lastRuntimeMetrics(), after) || overQuota(dyno.lastProcessLine(), after);
    }

    private static boolean overQuota(Observation reading, Instant after) {
        return reading != null
                && reading.timestamp().isAfter(after)
                && reading.quotaPct() != null
                && reading.quotaPct() >= 100;
    }

    private String summary(Group group, ErrorEpisode state) {
        Observation process = processLine(group, state);
        return group.describe() + " is over its memory quota (Error R14)"
                + (process == null
                        ? ""
                        : ": " + Math.round(process.processMb()) + " MB, " + process.quotaPct() + "% of quota");
    }

    private Map<String, Object> figures(Group group, ErrorEpisode state) {
        Figures figures = MemoryFigures.of(history, group, processLine(group, state));
        return figures.put("r14_count", state.count)
                .put("last_r14_at", state.last)
                .build();
    }

    /** Not looked up in {@code states}: reading an access-ordered map while iterating it would fail. */
    private Observation processLine(Group group, ErrorEpisode state) {
        return MemoryFigures.nearestProcessLine(history, group, state.last);
    }
}

package io.herokuelk.shipper.alert.rules;

import io.herokuelk.shipper.alert.config.Durations;
import io.herokuelk.shipper.alert.config.RuleConfig;
import io.herokuelk.shipper.alert.config.RuleSettings;
import io.herokuelk.shipper.alert.diagnosis.Figures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Memory at or above a threshold in every sample for a sustained window. Heroku's samples and the app's own are
 * judged apart (they measure different things and would otherwise interleave). Resolves when a sample of the source
 * that fired falls below the threshold minus the hysteresis, or when samples stop.
 */
final class MemoryPressureRule extends GroupRule<Group, MemoryPressureRule.State> {

    /** No sample for this long: the dyno is gone (scaled down, renamed), not under pressure. */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private static final class Source {
        Instant aboveSince;
        MemoryReading last;
    }

    static final class State {
        final Map<String, Source> sources = new HashMap<>();
        String firing;
    }

    MemoryPressureRule(RuleConfig config, int maxGroups) {
        super(config, maxGroups);
    }

    @Override
    public List<Signal> observe(Event event) {
        MemoryReading reading = MemoryReading.of(event.observation());
        if (reading == null || reading.percent() == null || event.observation().dyno() == null) {
            return List.of();
        }
        Group group = event.dynoGroup();
        RuleSettings.MemoryPressure settings = config.settingsFor(group.app(), RuleSettings.MemoryPressure.class);
        State state = states.computeIfAbsent(group, g -> new State());
        Source source = state.sources.computeIfAbsent(reading.source(), s -> new Source());
        source.last = reading;
        if (reading.percent() >= settings.thresholdPct()) {
            if (source.aboveSince == null) {
                source.aboveSince = reading.at();
            }
        } else {
            source.aboveSince = null;
        }
        if (state.firing == null) {
            if (source.aboveSince != null && !reading.at().isBefore(source.aboveSince.plus(settings.sustain()))) {
                state.firing = reading.source();
                return List.of(firing(group, source, settings));
            }
            return List.of();
        }
        if (!state.firing.equals(reading.source())) {
            return List.of();
        }
        if (reading.percent() < settings.thresholdPct() - settings.hysteresisPct()) {
            state.firing = null;
            return List.of(Signal.cleared(
                    group,
                    reading.at(),
                    group.describe() + " memory back to " + round(reading.percent()) + "% (" + reading.source() + ")",
                    figures(source, settings)));
        }
        return List.of(firing(group, source, settings));
    }

    @Override
    public List<Signal> tick(Instant now) {
        List<Signal> signals = new ArrayList<>();
        states.forEach((group, state) -> {
            Source source = state.firing == null ? null : state.sources.get(state.firing);
            if (source != null && !now.isBefore(source.last.at().plus(STALE_AFTER))) {
                state.firing = null;
                signals.add(Signal.cleared(
                        group,
                        now,
                        group.describe() + ": no memory samples for " + Durations.format(STALE_AFTER),
                        figures(source, config.settingsFor(group.app(), RuleSettings.MemoryPressure.class))));
            }
        });
        return signals;
    }

    private Signal firing(Group group, Source source, RuleSettings.MemoryPressure settings) {
        // Between the threshold and the hysteresis band the run is broken but the alert holds: no duration then.
        String sustained = source.aboveSince == null
                ? ""
                : " for " + Durations.format(Duration.between(source.aboveSince, source.last.at()));
        return Signal.firing(
                group,
                source.last.at(),
                group.describe() + " memory at " + round(source.last.percent())
                        + "% of its " + ("app".equals(source.last.source()) ? "limit" : "quota") + sustained
                        + " (threshold " + round(settings.thresholdPct()) + "%)",
                figures(source, settings));
    }

    private static Map<String, Object> figures(Source source, RuleSettings.MemoryPressure settings) {
        MemoryReading last = source.last;
        return new Figures()
                .put("memory_pct", last.percent())
                .put("threshold_pct", settings.thresholdPct())
                .put("above_since", source.aboveSince)
                .put("source", last.source())
                .put("used_mb", last.usedMb())
                .put("quota_mb", last.quotaMb())
                .build();
    }

    private static String round(double value) {
        return value == Math.rint(value)
                ? Long.toString((long) value)
                : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}

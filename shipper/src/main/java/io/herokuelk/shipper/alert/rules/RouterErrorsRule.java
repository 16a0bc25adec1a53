package io.herokuelk.shipper.alert.rules;

import io.herokuelk.shipper.alert.config.Durations;
import io.herokuelk.shipper.alert.config.RuleConfig;
import io.herokuelk.shipper.alert.config.RuleSettings;
import io.herokuelk.shipper.alert.diagnosis.Figures;
import io.herokuelk.shipper.alert.model.Observation;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * H-code router errors for a dyno (or the app) at or above a count and a percentage of that group's requests in a
 * sliding window. Errors without a serving dyno (H10 {@code dyno=}, H14) count for the app. The window is kept as a
 * fixed number of buckets, so its memory does not grow with traffic.
 */
final class RouterErrorsRule extends GroupRule<Group, RouterErrorsRule.State> {

    private static final int BUCKETS = 30;

    private static final class Bucket {
        final long start;
        long requests;
        long errors;
        final Map<String, Long> codes = new TreeMap<>();

        Bucket(long start) {
            this.start = start;
        }
    }

    static final class State {
        final Deque<Bucket> buckets = new ArrayDeque<>();
        boolean active;
    }

    private record Count(long requests, long errors, Map<String, Long> codes) {
        double errorPct() {
            return requests == 0 ? 0 : errors * 100.0 / requests;
        }

        String topCode() {
            return codes.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse(null);
        }
    }

    RouterErrorsRule(RuleConfig config, int maxGroups) {
        super(config, maxGroups);
    }

    @Override
    public List<Signal> observe(Event event) {
        Observation o = event.observation();
        if (!o.isRouter()) {
            return List.of();
        }
        RuleSettings.RouterErrors settings = config.settingsFor(o.app(), RuleSettings.RouterErrors.class);
        Group group = new Group(o.app(), RuleSettings.RouterErrors.BY_APP.equals(settings.groupBy()) ? null : o.dyno());
        State state = states.computeIfAbsent(group, g -> new State());
        long width = bucketWidth(settings);
        long start = o.timestamp().toEpochMilli() / width * width;
        Bucket bucket = state.buckets.peekLast();
        // A late line (bucket newer than it) is counted in the newest bucket rather than reordering the window.
        if (bucket == null || bucket.start < start) {
            bucket = new Bucket(start);
            state.buckets.addLast(bucket);
        }
        bucket.requests++;
        if (isError(o.code(), settings)) {
            bucket.errors++;
            bucket.codes.merge(o.code(), 1L, Long::sum);
        }
        return evaluate(group, state, settings, o.timestamp());
    }

    @Override
    public List<Signal> tick(Instant now) {
        List<Signal> signals = new ArrayList<>();
        states.forEach((group, state) -> {
            if (state.active) {
                signals.addAll(
                        evaluate(group, state, config.settingsFor(group.app(), RuleSettings.RouterErrors.class), now));
            }
        });
        return signals;
    }

    private List<Signal> evaluate(Group group, State state, RuleSettings.RouterErrors settings, Instant now) {
        long windowStart = now.toEpochMilli() - settings.window().toMillis();
        while (!state.buckets.isEmpty() && state.buckets.peekFirst().start + bucketWidth(settings) <= windowStart) {
            state.buckets.removeFirst();
        }
        Count count = count(state);
        boolean holds = count.errors() >= settings.minCount() && count.errorPct() >= settings.minErrorPct();
        if (holds) {
            state.active = true;
            return List.of(Signal.firing(
                    group,
                    now,
                    String.format(
                            Locale.ROOT,
                            "%s: %d router errors in %s, %.1f%% of %d requests (mostly %s)",
                            group.describe(),
                            count.errors(),
                            Durations.format(settings.window()),
                            count.errorPct(),
                            count.requests(),
                            count.topCode()),
                    figures(count, settings)));
        }
        if (state.active) {
            state.active = false;
            return List.of(Signal.cleared(
                    group,
                    now,
                    String.format(
                            Locale.ROOT,
                            "%s: router errors down to %d in %s (%.1f%%)",
                            group.describe(),
                            count.errors(),
                            Durations.format(settings.window()),
                            count.errorPct()),
                    figures(count, settings)));
        }
        return List.of();
    }

    private static Count count(State state) {
        long requests = 0;
        long errors = 0;
        Map<String, Long> codes = new TreeMap<>();
        for (Bucket bucket : state.buckets) {
            requests += bucket.requests;
            errors += bucket.errors;
            bucket.codes.forEach((code, n) -> codes.merge(code, n, Long::sum));
        }
        return new Count(requests, errors, codes);
    }

    private static Map<String, Object> figures(Count count, RuleSettings.RouterErrors settings) {
        return new Figures()
                .put("errors", count.errors())
                .put("requests", count.requests())
                .put("error_pct", count.errorPct())
                .put("window", settings.window())
                .put("top_code", count.topCode())
                .put("codes", Map.copyOf(count.codes()))
                .build();
    }

    private static boolean isError(String code, RuleSettings.RouterErrors settings) {
        return code != null && code.startsWith("H") && !settings.ignoreCodes().contains(code);
    }

    private static long bucketWidth(RuleSettings.RouterErrors settings) {
        return Math.max(1000, settings.window().toMillis() / BUCKETS);
    }
}

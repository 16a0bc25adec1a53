package io.herokuelk.shipper.alert.rules;

import io.herokuelk.shipper.alert.config.Durations;
import io.herokuelk.shipper.alert.config.RuleConfig;
import io.herokuelk.shipper.alert.config.RuleSettings;
import io.herokuelk.shipper.alert.diagnosis.Figures;
import io.herokuelk.shipper.alert.diagnosis.LinearTrend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Early warning: a least-squares line through the dyno's recent memory samples (percent of quota) reaches 100% within
 * the horizon. Trusted only with enough samples over enough time, a rising slope and a good fit; never while already
 * over quota (R14 speaks then); every restart starts the series afresh. Each source (Heroku's, the app's) has its
 * own series.
 */
final class PredictiveRule extends GroupRule<Group, PredictiveRule.State> {

    /** Bounds a series whatever the sample rate; far more than a 10-minute window of 20-second samples needs. */
    private static final int MAX_POINTS = 2000;

    private static final double MILLIS_PER_MINUTE = 60_000.0;

    private record Point(Instant at, double percent, Double quotaMb) {}

    /** What the fit says now. */
    private record Prediction(
            int samples, Duration span, LinearTrend trend, double percentNow, double minutesToQuota, Point last) {}

    static final class State {
        final Map<String, Deque<Point>> series = new HashMap<>();
        String firing;
    }

    PredictiveRule(RuleConfig config, int maxGroups) {
        super(config, maxGroups);
    }

    @Override
    public List<Signal> observe(Event event) {
        if (event.observation().dyno() == null) {
            return List.of();
        }
        Group group = event.dynoGroup();
        State state = states.computeIfAbsent(group, g -> new State());
        List<Signal> signals = new ArrayList<>();
        if (event.restart()) {
            state.series.clear();
            if (state.firing != null) {
                state.firing = null;
                signals.add(Signal.cleared(
                        group,
                        event.observation().timestamp(),
                        group.describe() + " restarted: memory trend starts afresh",
                        new Figures().build()));
            }
        }
        MemoryReading reading = MemoryReading.of(event.observation());
        if (reading == null || reading.percent() == null) {
            return signals;
        }
        RuleSettings.Predictive settings = config.settingsFor(group.app(), RuleSettings.Predictive.class);
        Deque<Point> series = state.series.computeIfAbsent(reading.source(), s -> new ArrayDeque<>());
        series.addLast(new Point(reading.at(), reading.percent(), reading.quotaMb()));
        Instant from = reading.at().minus(settings.window());
        while (series.size() > MAX_POINTS || series.peekFirst().at().isBefore(from)) {
            series.removeFirst();
        }
        if (state.firing != null && !state.firing.equals(reading.source())) {
            return signals;
        }
        Prediction prediction = predict(series, settings);
        if (prediction == null || reading.percent() >= 100) {
            // Not enough to judge, or over quota already: an open warning stays as it is.
            return signals;
        }
        boolean reachesQuota = prediction.trend().slope() > 0
                && prediction.trend().rSquared() >= settings.minRSquared()
                && prediction.minutesToQuota() <= settings.horizon().toMillis() / MILLIS_PER_MINUTE;
        if (reachesQuota) {
            state.firing = reading.source();
            signals.add(Signal.firing(
                    group, reading.at(), summary(group, prediction, settings), figures(prediction, reading.source())));
        } else if (state.firing != null) {
            state.firing = null;
            signals.add(Signal.cleared(
                    group,
                    reading.at(),
                    group.describe() + " memory trend no longer reaches the quota within "
                            + Durations.format(settings.horizon()),
                    figures(prediction, reading.source())));
        }
        return signals;
    }

    @Override
    public List<Signal> tick(Instant now) {
        List<Signal> signals = new ArrayList<>();
        states.forEach((group, state) -> {
            Deque<Point> series = state.firing == null ? null : state.series.get(state.firing);
            if (series != null
                    && (series.isEmpty()
                            || !now.isBefore(series.peekLast().at().plus(MemoryPressureRule.STALE_AFTER)))) {
                state.firing = null;
                signals.add(Signal.cleared(
                        group,
                        now,
                        group.describe() + ": no memory samples for "
                                + Durations.format(MemoryPressureRule.STALE_AFTER),
                        new Figures().build()));
            }
        });
        return signals;
    }

    /** The fit over the series, or null when too few samples or too short a span to trust one. */
    private static Prediction predict(Deque<Point> series, RuleSettings.Predictive settings) {
        if (series.size() < settings.minSamples()) {
            return null;
        }
        Point first = series.peekFirst();
        Point last = series.peekLast();
        Duration span = Duration.between(first.at(), last.at());
        if (span.compareTo(settings.minSpan()) < 0) {
            return null;
        }
        double[] minutes = new double[series.size()];
        double[] percents = new double[series.size()];
        int i = 0;
        for (Point point : series) {
            minutes[i] = Duration.between(first.at(), point.at()).toMillis() / MILLIS_PER_MINUTE;
            percents[i] = point.percent();
            i++;
        }
        LinearTrend trend = LinearTrend.fit(minutes, percents);
        if (trend == null) {
            return null;
        }
        double percentNow = trend.at(minutes[minutes.length - 1]);
        double minutesToQuota =
                trend.slope() > 0 ? Math.max(0, (100 - percentNow) / trend.slope()) : Double.POSITIVE_INFINITY;
        return new Prediction(series.size(), span, trend, percentNow, minutesToQuota, last);
    }

    private static String summary(Group group, Prediction p, RuleSettings.Predictive settings) {
        return String.format(
                Locale.ROOT,
                "%s memory grows %.2f%% of quota per minute and reaches the quota in about"
                        + " %.0f min (now %.1f%%, horizon %s)",
                group.describe(),
                p.trend().slope(),
                p.minutesToQuota(),
                p.last().percent(),
                Durations.format(settings.horizon()));
    }

    private static Map<String, Object> figures(Prediction p, String source) {
        Double quotaMb = p.last().quotaMb();
        return new Figures()
                .put("minutes_to_quota", Double.isInfinite(p.minutesToQuota()) ? null : p.minutesToQuota())
                .put("trend_pct_per_min", p.trend().slope())
                .put("trend_mb_per_min", quotaMb == null ? null : p.trend().slope() * quotaMb / 100)
                .put("r_squared", p.trend().rSquared())
                .put("memory_pct", p.last().percent())
                .put("quota_mb", quotaMb)
                .put("samples", p.samples())
                .put("span", p.span())
                .put("source", source)
                .build();
    }
}

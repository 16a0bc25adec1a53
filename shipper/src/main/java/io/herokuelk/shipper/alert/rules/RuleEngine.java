package io.herokuelk.shipper.alert.rules;

import io.herokuelk.shipper.alert.config.RuleConfig;
import io.herokuelk.shipper.alert.config.RulesConfig;
import io.herokuelk.shipper.alert.model.Alert;
import io.herokuelk.shipper.alert.model.AlertEvaluator;
import io.herokuelk.shipper.alert.model.Observation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the configured rules over the event stream: the dyno history is updated first, then each rule that
 * applies to the event's app and dyno gives its signals, and one {@link AlertLifecycle} turns them into alerts.
 * Not thread-safe, like every {@link AlertEvaluator}.
 *
 * <p>{@link #observe} works in event time. {@link #tick} works in the time it is given: quiet-based resolves,
 * re-alerts and silence. While replaying old events to rebuild state, call {@link #observe} only and tick once
 * caught up, or the replayed conditions would look quiet.
 */
public final class RuleEngine implements AlertEvaluator {

    private final RulesConfig config;
    private final DynoHistory history;
    private final List<Rule> rules = new ArrayList<>();
    private final AlertLifecycle lifecycle;

    public RuleEngine(RulesConfig config, Clock clock) {
        this.config = config;
        this.history = new DynoHistory(config.context(), config.limits());
        RuleType.Needs needs =
                new RuleType.Needs(clock, history, config.limits().maxDynos());
        for (RuleConfig rule : config.rules()) {
            rules.add(RuleTypes.create(rule, needs));
        }
        int maxEpisodes =
                (int) Math.min(Integer.MAX_VALUE, (long) config.limits().maxDynos() * Math.max(1, rules.size()));
        this.lifecycle = new AlertLifecycle(this::context, history::diagnose, maxEpisodes);
    }

    @Override
    public List<Alert> observe(Observation observation) {
        if (observation == null || observation.timestamp() == null || observation.app() == null) {
            return List.of();
        }
        Event event = new Event(observation, history.record(observation));
        List<Alert> alerts = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.config().appliesTo(observation.app(), observation.dyno())) {
                for (Signal signal : rule.observe(event)) {
                    alerts.addAll(lifecycle.apply(rule.config(), signal));
                }
            }
        }
        return alerts;
    }

    @Override
    public List<Alert> tick(Instant now) {
        List<Alert> alerts = new ArrayList<>();
        for (Rule rule : rules) {
            for (Signal signal : rule.tick(now)) {
                alerts.addAll(lifecycle.apply(rule.config(), signal));
            }
        }
        alerts.addAll(lifecycle.tick(now));
        return alerts;
    }

    private Alert.Context context(Group group, Instant at) {
        RulesConfig.Context settings = config.context();
        PathStats.Top paths =
                PathStats.of(history.requestsSince(group, at.minus(settings.pathsWindow())), settings.topPaths());
        return new Alert.Context(history.memory(group), paths.busiest(), paths.slowest());
    }
}

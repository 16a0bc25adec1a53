package io.herokuelk.shipper.alert.rules;

import io.herokuelk.shipper.alert.config.RuleConfig;
import io.herokuelk.shipper.alert.model.Alert;
import io.herokuelk.shipper.alert.model.Diagnosis;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns the rules' signals into notifications, the same way for every rule: one episode per rule and group, a firing
 * notification when it starts, a reminder every re-alert interval while it lasts, a resolved notification when it
 * clears, and a cooldown after a resolve during which a returning condition waits instead of notifying.
 */
final class AlertLifecycle {

    /** Builds the context of an alert; given so that tests and callers can vary it. */
    interface ContextSource {
        Alert.Context contextFor(Group group, Instant at);
    }

    /** Diagnoses a dyno's memory at a moment; null when there is nothing to diagnose. */
    interface DiagnosisSource {
        Diagnosis diagnose(Group group, Instant at);
    }

    private static final class Episode {
        final RuleConfig rule;
        final Group group;
        boolean open;
        Instant startedAt;
        Instant lastNotifiedAt;
        Signal last;
        Instant resolvedAt;
        /** A firing held back by the cooldown: when it began, and its latest signal. */
        Instant heldSince;

        Signal held;

        Episode(RuleConfig rule, Group group) {
            this.rule = rule;
            this.group = group;
        }
    }

    private final ContextSource contexts;
    private final DiagnosisSource diagnoses;
    private final Map<String, Episode> episodes;

    AlertLifecycle(ContextSource contexts, DiagnosisSource diagnoses, int maxEpisodes) {
        this.contexts = contexts;
        this.diagnoses = diagnoses;
        this.episodes = new Lru<>(maxEpisodes);
    }

    List<Alert> apply(RuleConfig rule, Signal signal) {
        String key =
                rule.name() + "/" + signal.group().app() + "/" + signal.group().dyno();
        Episode episode = episodes.get(key);
        if (!signal.firing()) {
            if (episode == null) {
                return List.of();
            }
            episode.held = null;
            episode.heldSince = null;
            if (!episode.open) {
                return List.of();
            }
            episode.open = false;
            episode.resolvedAt = signal.at();
            return List.of(alert(episode, Alert.RESOLVED, signal.at(), signal));
        }
        if (episode == null) {
            episode = new Episode(rule, signal.group());
            episodes.put(key, episode);
        }
        if (episode.open) {
            episode.last = signal;
            if (!signal.at().isBefore(episode.lastNotifiedAt.plus(rule.realert()))) {
                return List.of(notify(episode, signal.at()));
            }
            return List.of();
        }
        if (inCooldown(episode, signal.at())) {
            if (episode.held == null) {
                episode.heldSince = signal.at();
            }
            episode.held = signal;
            return List.of();
        }
        Instant startedAt = episode.held != null ? episode.heldSince : signal.at();
        return List.of(open(episode, startedAt, signal, signal.at()));
    }

    /** Re-alerts that are due, firings the cooldown held back, and forgetting episodes nothing depends on. */
    List<Alert> tick(Instant now) {
        List<Alert> alerts = new ArrayList<>();
        for (Iterator<Episode> it = episodes.values().iterator(); it.hasNext(); ) {
            Episode episode = it.next();
            if (episode.open) {
                if (!now.isBefore(episode.lastNotifiedAt.plus(episode.rule.realert()))) {
                    alerts.add(notify(episode, now));
                }
            } else if (episode.held != null) {
                if (!inCooldown(episode, now)) {
                    alerts.add(open(episode, episode.heldSince, episode.held, now));
                }
            } else if (!inCooldown(episode, now)) {
                it.remove();
            }
        }
        return alerts;
    }

    private boolean inCooldown(Episode episode, Instant at) {
        return episode.resolvedAt != null && at.isBefore(episode.resolvedAt.plus(episode.rule.cooldown()));
    }

    private Alert open(Episode episode, Instant startedAt, Signal signal, Instant at) {
        episode.open = true;
        episode.startedAt = startedAt;
        episode.last = signal;
        episode.held = null;
        episode.heldSince = null;
        return notify(episode, at);
    }

    private Alert notify(Episode episode, Instant at) {
        episode.lastNotifiedAt = at;
        return alert(episode, Alert.FIRING, at, episode.last);
    }

    private Alert alert(Episode episode, String state, Instant at, Signal signal) {
        RuleConfig rule = episode.rule;
        RuleType type = RuleTypes.of(rule.type());
        Diagnosis diagnosis =
                state.equals(Alert.FIRING) && type.diagnosed() ? diagnoses.diagnose(episode.group, at) : null;
        // A named cause says what to change; without one, the general hint for the rule.
        String remediation = diagnosis != null && !diagnosis.cause().equals(Diagnosis.UNDETERMINED)
                ? diagnosis.action()
                : type.remediation().forFigures(signal.figures());
        return new Alert(
                rule.name(),
                rule.type(),
                rule.severity(),
                state,
                episode.group.app(),
                episode.group.dyno(),
                episode.startedAt,
                at,
                signal.summary(),
                signal.figures(),
                contexts.contextFor(episode.group, at),
                remediation,
                diagnosis);
    }
}

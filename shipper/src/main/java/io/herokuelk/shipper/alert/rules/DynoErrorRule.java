package io.herokuelk.shipper.alert.rules;

import io.herokuelk.shipper.alert.config.RuleConfig;
import io.herokuelk.shipper.alert.model.Observation;
import java.util.List;

/**
 * A rule on one Heroku error code of a dyno (R14, R15): every line with the code opens or extends the dyno's
 * {@link ErrorEpisode} and fires; any other event of the dyno may end an open episode, as the rule decides.
 */
abstract class DynoErrorRule extends GroupRule<Group, ErrorEpisode> {

    protected final DynoHistory history;
    private final String code;

    DynoErrorRule(RuleConfig config, DynoHistory history, int maxGroups, String code) {
        super(config, maxGroups);
        this.history = history;
        this.code = code;
    }

    @Override
    public final List<Signal> observe(Event event) {
        Observation o = event.observation();
        if (o.dyno() == null) {
            return List.of();
        }
        Group group = event.dynoGroup();
        if (code.equals(o.code())) {
            ErrorEpisode state = states.computeIfAbsent(group, g -> new ErrorEpisode());
            state.seen(o.timestamp());
            return List.of(fired(group, state, o));
        }
        ErrorEpisode state = states.get(group);
        return state != null && state.active ? whileOpen(group, state, event) : List.of();
    }

    /** The signal for a line with the code; {@code state} already counts it. */
    abstract Signal fired(Group group, ErrorEpisode state, Observation line);

    /** What another event of the dyno means for its open episode: a clear, or nothing. */
    abstract List<Signal> whileOpen(Group group, ErrorEpisode state, Event event);
}

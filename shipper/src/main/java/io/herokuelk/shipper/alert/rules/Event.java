package io.herokuelk.shipper.alert.rules;

import io.herokuelk.shipper.alert.model.Observation;

/**
 * An observation as the rules see it, with what the history adds.
 *
 * @param newDynoId the dyno slot reports a dyno id different from before: it was restarted
 */
record Event(Observation observation, boolean newDynoId) {

    Group dynoGroup() {
        return new Group(observation.app(), observation.dyno());
    }

    /** Any sign of a restart, including the process exit that precedes it: trends start afresh. */
    boolean restart() {
        return observation.isRestart() || newDynoId;
    }

    /** The dyno is running again after a kill: starting, up, or a new dyno id. */
    boolean dynoBack() {
        return newDynoId || "starting".equals(observation.stateTo()) || "up".equals(observation.stateTo());
    }
}

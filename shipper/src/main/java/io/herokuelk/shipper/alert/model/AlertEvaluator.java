package io.herokuelk.shipper.alert.model;

import java.time.Instant;
import java.util.List;

/**
 * Decides alerts from a stream of observations: the rules with their windows, cooldowns, re-alerts and resolves.
 * Not thread-safe: the runtime feeds one instance per set of partitions from one thread.
 *
 * <p>Windows are measured in event time ({@link Observation#timestamp()}), so that replaying the last minutes of a
 * partition (to rebuild state after a rebalance) gives the state the live stream would have given.
 */
public interface AlertEvaluator {

    /** The alerts this event decides (usually none). */
    List<Alert> observe(Observation observation);

    /** The alerts that time passing decides (silence, resolves after quiet, re-alerts). Called about every second. */
    List<Alert> tick(Instant now);
}

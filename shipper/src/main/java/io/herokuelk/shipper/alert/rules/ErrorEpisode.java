package io.herokuelk.shipper.alert.rules;

import java.time.Instant;

/** A dyno's run of one error code (R14, R15): when it was last seen, how often in this episode, whether it is open. */
final class ErrorEpisode {

    Instant last;
    long count;
    boolean active;

    /** Another line with the code: opens an episode (counting from one) or extends the open one. */
    void seen(Instant at) {
        if (!active) {
            count = 0;
        }
        active = true;
        last = at;
        count++;
    }
}

package io.herokuelk.standin.logplex;

import java.time.Instant;

/**
 * Counts lines lost until an L10 reporting them is delivered. A report rides in a batch; if that batch is dropped
 * too, its count comes back here with the batch's own lines, so the next report still covers every loss.
 */
final class DropLedger {

    private long count;
    private Instant since;

    synchronized void dropped(long lines, Instant at) {
        if (lines <= 0) {
            return;
        }
        if (count == 0 || at.isBefore(since)) {
            since = at;
        }
        count += lines;
    }

    /** The loss to report in the next batch, or {@code null}; the ledger is empty afterwards. */
    synchronized Loss take() {
        if (count == 0) {
            return null;
        }
        Loss loss = new Loss(count, since);
        count = 0;
        since = null;
        return loss;
    }

    /** Puts back a report whose batch was not delivered. */
    void restore(Loss loss) {
        if (loss != null) {
            dropped(loss.count(), loss.since());
        }
    }
}

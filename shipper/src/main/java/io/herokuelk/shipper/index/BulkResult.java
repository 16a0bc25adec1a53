package io.herokuelk.shipper.index;

import java.util.List;

/**
 * What a batch came to once every document has a final outcome.
 *
 * @param stored        created now
 * @param alreadyStored answered 409: stored by an earlier delivery
 * @param retried       item retries it took (429/5xx answers)
 * @param rejected      documents Elasticsearch will never take, with the reason; for the dead letters
 */
public record BulkResult(int stored, int alreadyStored, int retried, List<Rejection> rejected) {

    /** A refused document and why, as Elasticsearch said it. */
    public record Rejection(PendingDocument document, String errorType, String reason) {}
}

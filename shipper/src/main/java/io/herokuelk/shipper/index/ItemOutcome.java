package io.herokuelk.shipper.index;

/** What became of one document of a bulk request: the closed set the indexer acts on. */
public enum ItemOutcome {
    /** Created now. */
    STORED,
    /** 409: an earlier delivery stored it; counted, not an error. */
    ALREADY_STORED,
    /** 429 or 5xx: try again after a pause. */
    RETRY,
    /** Anything else (mapping and parsing errors, for example): never succeeds; dead-lettered. */
    REJECTED
}

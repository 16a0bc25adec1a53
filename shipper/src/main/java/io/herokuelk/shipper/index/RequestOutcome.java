package io.herokuelk.shipper.index;

/**
 * What to do when a whole bulk request fails: the closed set the indexer acts on, one classification for every
 * request-level answer ({@link #of(int)}), as {@link BulkItemClassifier} is for items.
 */
enum RequestOutcome {
    /** 429, 5xx, no answer or no connection: the cluster is busy or away; send the batch again after a pause. */
    RETRY,
    /** 413: the request is too large for the cluster's {@code http.max_content_length}; send it in halves. */
    SPLIT,
    /**
     * 400: the request as a whole was refused, usually because of one document; split until the documents that
     * cause it are alone, then dead-letter them.
     */
    ISOLATE,
    /**
     * 401, 403 and any other 4xx: the cluster refuses this indexer (credentials, privileges, a wrong URL); nothing
     * changes by resending, so indexing stops, loudly, until it is fixed.
     */
    REFUSED;

    static RequestOutcome of(int status) {
        if (status == 429 || status >= 500 || status <= 0) {
            return RETRY;
        }
        if (status == 413) {
            return SPLIT;
        }
        if (status == 400) {
            return ISOLATE;
        }
        return REFUSED;
    }
}

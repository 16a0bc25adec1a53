package io.herokuelk.shipper.index;

/**
 * What to do when a whole bulk request fails: the closed set the indexer acts on, one classification for every
 * request-level answer ({@link #of(int)}), as {@link BulkItemClassifier} is for items.
 */
enum RequestOutcome {
    /** 429, 5xx, no answer or no connection: the cluster is busy or away; send the batch again after a pause. */
    RETRY,
    /**
     * 413: the request is too large for the cluster's {@code http.max_content_length}; send it in halves. Also a
     * request of several documents that the node cut off while it was being sent (how a node often answers such a
     * body, before its 413 can be read).
     */
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

    /**
     * @param cutOff    the node closed the connection while the request was being sent ({@code RequestFailed.cutOff})
     * @param documents how many documents the request held: a lone one cut off may just have met an outage
     */
    static RequestOutcome of(int status, boolean cutOff, int documents) {
        if (cutOff) {
            return documents > 1 ? SPLIT : RETRY;
        }
        return of(status);
    }

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

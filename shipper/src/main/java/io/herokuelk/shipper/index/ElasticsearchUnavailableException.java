package io.herokuelk.shipper.index;

/** A whole bulk request failed for now (no connection, no answer in time, 429 or 5xx): send the batch again later. */
public final class ElasticsearchUnavailableException extends Exception {

    public ElasticsearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.herokuelk.shipper.index;

/** A whole bulk request failed (connection refused, timeout, 5xx/429 for the request): the cluster is not there. */
public final class ElasticsearchUnavailableException extends Exception {

    public ElasticsearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

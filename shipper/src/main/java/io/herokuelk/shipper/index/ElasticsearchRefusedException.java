package io.herokuelk.shipper.index;

/**
 * Elasticsearch refuses this indexer's requests as a whole (401, 403, another 4xx): resending changes nothing until
 * someone fixes the credentials, the privileges or the URL.
 */
public final class ElasticsearchRefusedException extends Exception {

    private final int status;

    public ElasticsearchRefusedException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

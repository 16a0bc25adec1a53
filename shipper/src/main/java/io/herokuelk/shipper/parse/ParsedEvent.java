package io.herokuelk.shipper.parse;

import java.nio.charset.StandardCharsets;

/**
 * One message as a document, ready to publish.
 *
 * @param id           {@code event.id}, deterministic (see {@link EventIds}); also fit for an Elasticsearch
 *                     {@code _id}
 * @param dataset      {@code event.dataset} ({@code heroku.router}, {@code heroku.runtime_metrics},
 *                     {@code heroku.platform}, {@code heroku.app}, or the app's own)
 * @param partitionKey {@code <app>/<dyno>}, so that one dyno's events keep their order; router lines use the dyno
 *                     that served the request ({@code heroku.router.dyno}), or {@code router} when none did
 * @param document     the JSON document, UTF-8
 * @param headerParsed {@code false} when the syslog header could not be read (the document then carries
 *                     {@code heroku.parse_error}, the tag {@code heroku_header_unparsed} and {@code event.original})
 * @param logplexDropped messages Logplex reports as lost by this L10 line ({@code heroku.logplex.dropped}), else 0;
 *                     the drain's loss signal, for a metric
 */
public record ParsedEvent(
        String id, String dataset, String partitionKey, byte[] document, boolean headerParsed, long logplexDropped) {

    /** The document as text, for logs, the {@code parse} command and tests. */
    public String json() {
        return new String(document, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ParsedEvent[id=" + id + ", dataset=" + dataset + ", partitionKey=" + partitionKey + ", document="
                + json() + "]";
    }
}

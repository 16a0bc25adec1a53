package io.herokuelk.shipper.alert.notify;

import io.herokuelk.shipper.alert.model.Alert;
import io.herokuelk.shipper.alert.model.AlertJson;
import io.herokuelk.shipper.config.Secret;
import java.net.URI;
import java.util.Map;

/**
 * POSTs the {@link AlertJson} document to any receiver, with an optional Authorization header. Both the URL (it may
 * carry a token) and the header value are secrets.
 */
public final class WebhookDestination implements Destination {

    private final URI uri;
    private final Secret authorization;
    private final HttpPoster poster;
    private final Redaction redaction;

    /** @param authorization the Authorization header's whole value, or null for none */
    WebhookDestination(Secret url, Secret authorization, HttpPoster poster) {
        this.uri = URI.create(url.reveal());
        this.authorization = authorization;
        this.redaction = Redaction.ofUrl(url, authorization);
        this.poster = poster;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public Delivery deliver(Alert alert) {
        Map<String, String> headers =
                authorization == null ? Map.of() : Map.of("Authorization", authorization.reveal());
        return redaction.scrub(poster.post(uri, AlertJson.toBytes(alert), headers, WebhookAnswers::classify));
    }

    @Override
    public String toString() {
        return name();
    }
}

package io.herokuelk.shipper.alert.notify;

import io.herokuelk.shipper.alert.model.Alert;
import io.herokuelk.shipper.config.Secret;
import java.net.URI;
import java.util.Map;

/** Posts alerts to a Slack incoming webhook. The webhook URL is the credential: it is never logged. */
public final class SlackDestination implements Destination {

    private final URI uri;
    private final HttpPoster poster;
    private final Redaction redaction;

    /** @param webhookUrl an absolute http(s) URL, checked by {@link Destinations} */
    SlackDestination(Secret webhookUrl, HttpPoster poster) {
        this.uri = URI.create(webhookUrl.reveal());
        this.redaction = Redaction.ofUrl(webhookUrl);
        this.poster = poster;
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public Delivery deliver(Alert alert) {
        return redaction.scrub(poster.post(uri, SlackMessage.toBytes(alert), Map.of(), SlackAnswers::classify));
    }

    @Override
    public String toString() {
        return name();
    }
}

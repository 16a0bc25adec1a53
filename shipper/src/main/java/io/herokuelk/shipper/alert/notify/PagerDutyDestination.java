package io.herokuelk.shipper.alert.notify;

import io.herokuelk.shipper.alert.model.Alert;
import io.herokuelk.shipper.config.Secret;
import java.net.URI;
import java.util.Map;

/** Sends alerts to PagerDuty's Events API v2. The routing key travels in the body and is never logged. */
public final class PagerDutyDestination implements Destination {

    public static final String DEFAULT_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";

    private final Secret routingKey;
    private final URI eventsUrl;
    private final HttpPoster poster;
    private final Redaction redaction;

    PagerDutyDestination(Secret routingKey, URI eventsUrl, HttpPoster poster) {
        this.routingKey = routingKey;
        this.eventsUrl = eventsUrl;
        this.redaction = Redaction.of(routingKey);
        this.poster = poster;
    }

    @Override
    public String name() {
        return "pagerduty";
    }

    @Override
    public Delivery deliver(Alert alert) {
        return redaction.scrub(poster.post(
                eventsUrl, PagerDutyEvent.toBytes(alert, routingKey), Map.of(), PagerDutyAnswers::classify));
    }

    @Override
    public String toString() {
        return name();
    }
}

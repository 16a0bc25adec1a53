package io.herokuelk.shipper.alert.notify;

import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the configured destinations from the environment: the log always; Slack, the webhook and PagerDuty when
 * their variables are set. Bad values are reported through {@link Environment#problem}, naming the variable and never
 * a secret's value.
 *
 * <pre>
 * SLACK_WEBHOOK_URL            secret, Slack incoming webhook URL
 * ALERT_WEBHOOK_URL            secret, generic JSON webhook URL (receives the AlertJson document)
 * ALERT_WEBHOOK_AUTHORIZATION  secret, optional Authorization header value for the webhook
 * PAGERDUTY_ROUTING_KEY        secret, Events API v2 integration key
 * PAGERDUTY_EVENTS_URL         default https://events.pagerduty.com/v2/enqueue
 * ALERT_REQUEST_TIMEOUT_MS     default 10000: per request, connect and answer
 * </pre>
 */
public final class Destinations {

    public static final long DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

    private Destinations() {}

    public static List<Destination> fromEnvironment(Environment env) {
        Duration timeout = requestTimeout(env);
        return build(env, new HttpPoster(HttpPoster.defaultClient(timeout), timeout));
    }

    /** With a client of the caller's (shared with other parts, or configured for tests). */
    public static List<Destination> fromEnvironment(Environment env, HttpClient client) {
        return build(env, new HttpPoster(client, requestTimeout(env)));
    }

    private static Duration requestTimeout(Environment env) {
        return env.millis("ALERT_REQUEST_TIMEOUT_MS", DEFAULT_REQUEST_TIMEOUT_MS, 100, 300_000);
    }

    private static List<Destination> build(Environment env, HttpPoster poster) {
        List<Destination> destinations = new ArrayList<>();
        destinations.add(new LogDestination());

        secretUrl(env, "SLACK_WEBHOOK_URL").ifPresent(url -> destinations.add(new SlackDestination(url, poster)));

        Optional<Secret> authorization = env.secret("ALERT_WEBHOOK_AUTHORIZATION");
        Optional<Secret> webhook = secretUrl(env, "ALERT_WEBHOOK_URL");
        webhook.ifPresent(url -> destinations.add(new WebhookDestination(url, authorization.orElse(null), poster)));
        if (authorization.isPresent() && env.optional("ALERT_WEBHOOK_URL").isEmpty()) {
            env.problem("ALERT_WEBHOOK_AUTHORIZATION is set but ALERT_WEBHOOK_URL is not");
        }

        Optional<Secret> routingKey = env.secret("PAGERDUTY_ROUTING_KEY");
        String eventsUrl = env.string("PAGERDUTY_EVENTS_URL", PagerDutyDestination.DEFAULT_EVENTS_URL);
        Optional<URI> events = httpUrl(eventsUrl);
        if (events.isEmpty()) {
            env.problem("PAGERDUTY_EVENTS_URL=" + eventsUrl + " is not an absolute http or https URL");
        } else if (routingKey.isPresent()) {
            destinations.add(new PagerDutyDestination(routingKey.get(), events.get(), poster));
        }
        if (routingKey.isEmpty() && env.optional("PAGERDUTY_EVENTS_URL").isPresent()) {
            env.problem("PAGERDUTY_EVENTS_URL is set but PAGERDUTY_ROUTING_KEY is not");
        }
        return List.copyOf(destinations);
    }

    private static Optional<Secret> secretUrl(Environment env, String name) {
        Optional<Secret> url = env.secret(name);
        if (url.isPresent() && httpUrl(url.get().reveal()).isEmpty()) {
            env.problem(name + " is not an absolute http or https URL (its value is a secret and not shown)");
            return Optional.empty();
        }
        return url;
    }

    private static Optional<URI> httpUrl(String value) {
        try {
            URI uri = new URI(value);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}

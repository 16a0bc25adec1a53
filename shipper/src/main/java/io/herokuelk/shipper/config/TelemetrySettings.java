package io.herokuelk.shipper.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the shipper's own metrics and probes are served.
 *
 * @param metricsPort        {@code METRICS_PORT}: a port of its own for {@code /metrics}, {@code /healthz} and
 *                           {@code /readyz}, meant for a private network (off when unset)
 * @param metricsCredentials {@code METRICS_CREDENTIALS=user:password,...}: basic auth for {@code /metrics} wherever
 *                           it is served; with them set, {@code ingest} also serves {@code /metrics} on the drain's
 *                           public {@code $PORT} (on Heroku the only port a scraper can reach). Without them,
 *                           {@code /metrics} is never on the public port
 */
public record TelemetrySettings(Optional<Integer> metricsPort, Map<String, Secret> metricsCredentials) {

    public static TelemetrySettings from(Environment env) {
        Optional<Integer> port = env.optional("METRICS_PORT").map(value -> env.integer("METRICS_PORT", 0, 0, 65535));
        Map<String, Secret> credentials = new LinkedHashMap<>();
        for (String item : env.string("METRICS_CREDENTIALS", "").split(",")) {
            String pair = item.trim();
            int colon = pair.indexOf(':');
            if (pair.isEmpty()) {
                continue;
            }
            if (colon <= 0 || colon == pair.length() - 1) {
                env.problem(
                        "METRICS_CREDENTIALS item " + (credentials.size() + 1) + " is not of the form user:password");
            } else if (pair.length() - colon - 1 < DrainSettings.MIN_PASSWORD_LENGTH) {
                env.problem("the metrics password of user " + pair.substring(0, colon) + " is shorter than "
                        + DrainSettings.MIN_PASSWORD_LENGTH + " characters");
            } else {
                credentials.put(pair.substring(0, colon), new Secret(pair.substring(colon + 1)));
            }
        }
        return new TelemetrySettings(port, Map.copyOf(credentials));
    }

    /** The check of {@code /metrics} requests: open when no credentials are set. */
    public BasicAuthenticator metricsAuthenticator() {
        return new BasicAuthenticator(metricsCredentials, !metricsCredentials.isEmpty());
    }

    /** Whether the public drain port may serve {@code /metrics}: only behind credentials. */
    public boolean metricsOnPublicPort() {
        return !metricsCredentials.isEmpty();
    }
}

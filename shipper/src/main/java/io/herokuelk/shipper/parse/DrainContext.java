package io.herokuelk.shipper.parse;

import java.time.Instant;
import java.util.Objects;

/**
 * What the receiver knows about a message beyond its bytes.
 *
 * @param appName    the Heroku app the drain belongs to ({@code unknown} when nothing names it); becomes
 *                   {@code heroku.app} and {@code service.name}
 * @param drainToken the {@code Logplex-Drain-Token} header, or {@code null}; syslog drains carry the token in the
 *                   HOSTNAME field instead, which is used when this is {@code null}
 * @param frameId    the {@code Logplex-Frame-Id} header, or {@code null} (syslog drains, Private Space senders);
 *                   when present, event ids derive from it so that a retried batch yields the same ids
 * @param receivedAt when the bytes arrived; the timestamp of a message whose own timestamp cannot be read
 */
public record DrainContext(String appName, String drainToken, String frameId, Instant receivedAt) {

    public static final String UNKNOWN_APP = "unknown";

    public DrainContext {
        appName = appName == null || appName.isEmpty() ? UNKNOWN_APP : appName;
        drainToken = drainToken == null || drainToken.isEmpty() ? null : drainToken;
        frameId = frameId == null || frameId.isEmpty() ? null : frameId;
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** A context for a stream without drain headers, such as a syslog drain connection. */
    public static DrainContext of(String appName, Instant receivedAt) {
        return new DrainContext(appName, null, null, receivedAt);
    }
}

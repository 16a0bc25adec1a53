package io.herokuelk.standin.router;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link Router} listens and how long it gives a dyno.
 *
 * @param bindAddress           where to listen ({@code 0.0.0.0} to be reachable from outside, e.g. in a container)
 * @param port                  the port; 0 picks a free one ({@link Router#port()} tells which)
 * @param connectTimeout        time to open a connection to a dyno before H19 (Heroku: 5 s)
 * @param requestTimeout        time for a dyno to answer before H12 (Heroku: 30 s)
 * @param maxConcurrentRequests requests forwarded at once; more wait their turn, like Heroku's router queue
 */
public record RouterSettings(
        InetAddress bindAddress,
        int port,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxConcurrentRequests) {

    public RouterSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        positive("connectTimeout", connectTimeout);
        positive("requestTimeout", requestTimeout);
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException(
                    "maxConcurrentRequests must be at least 1, was " + maxConcurrentRequests);
        }
    }

    /** On loopback, a free port, Heroku's timeouts (5 s connect, 30 s request), 256 requests at once. */
    public static RouterSettings defaults() {
        return defaults(0);
    }

    /** The defaults on this port (0: a free one). */
    public static RouterSettings defaults(int port) {
        return new RouterSettings(
                InetAddress.getLoopbackAddress(), port, Duration.ofSeconds(5), Duration.ofSeconds(30), 256);
    }

    public RouterSettings withBindAddress(InetAddress address) {
        return new RouterSettings(address, port, connectTimeout, requestTimeout, maxConcurrentRequests);
    }

    public RouterSettings withPort(int newPort) {
        return new RouterSettings(bindAddress, newPort, connectTimeout, requestTimeout, maxConcurrentRequests);
    }

    public RouterSettings withTimeouts(Duration connect, Duration request) {
        return new RouterSettings(bindAddress, port, connect, request, maxConcurrentRequests);
    }

    /** The request timeout: H12 after this long. */
    public RouterSettings withTimeout(Duration request) {
        return new RouterSettings(bindAddress, port, connectTimeout, request, maxConcurrentRequests);
    }

    public RouterSettings withMaxConcurrentRequests(int max) {
        return new RouterSettings(bindAddress, port, connectTimeout, requestTimeout, max);
    }

    private static void positive(String name, Duration value) {
        if (Objects.requireNonNull(value, name).isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}

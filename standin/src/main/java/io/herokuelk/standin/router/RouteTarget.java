package io.herokuelk.standin.router;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A dyno chosen for one request.
 *
 * @param dyno    the dyno's name as router lines show it ({@code web.1})
 * @param address where that dyno (one of its processes) listens
 */
public record RouteTarget(String dyno, InetSocketAddress address) {

    public RouteTarget {
        Objects.requireNonNull(dyno, "dyno");
        Objects.requireNonNull(address, "address");
    }
}

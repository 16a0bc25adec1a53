package io.herokuelk.standin.router;

import java.util.Optional;

/** Where the router sends the next request: one of the web dynos that are up. Safe to call from any thread. */
@FunctionalInterface
public interface RoutingTable {

    /** A dyno to serve the next request, or empty when none is up (the router then answers H10). */
    Optional<RouteTarget> pick();
}

package io.herokuelk.standin.router;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A routing table over a fixed list, taken in turn; empty when the list is. */
final class ListTable implements RoutingTable {

    private final List<RouteTarget> targets;
    private final AtomicInteger next = new AtomicInteger();

    ListTable(RouteTarget... targets) {
        this.targets = List.of(targets);
    }

    @Override
    public Optional<RouteTarget> pick() {
        if (targets.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(targets.get(Math.floorMod(next.getAndIncrement(), targets.size())));
    }
}

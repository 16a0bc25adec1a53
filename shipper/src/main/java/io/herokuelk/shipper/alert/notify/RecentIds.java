package io.herokuelk.shipper.alert.notify;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alert ids a destination has delivered or holds, the oldest forgotten beyond a bound: enough to absorb a
 * redelivery after a consumer rebalance without growing for ever. Thread-safe.
 */
final class RecentIds {

    private final Map<String, Boolean> ids;

    RecentIds(int capacity) {
        ids = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True if the id was not held yet (and now is); false for a repeat. */
    synchronized boolean claim(String id) {
        return ids.putIfAbsent(id, Boolean.TRUE) == null;
    }

    /** Forgets an id whose delivery was abandoned, so that a later submit of it is tried again. */
    synchronized void release(String id) {
        ids.remove(id);
    }
}

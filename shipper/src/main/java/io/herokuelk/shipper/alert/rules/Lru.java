package io.herokuelk.shipper.alert.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that forgets its least recently used entry beyond a capacity: the bound on per-group state. */
final class Lru<K, V> extends LinkedHashMap<K, V> {

    private final int capacity;

    Lru(int capacity) {
        super(16, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}

package io.herokuelk.deploy;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A sample environment that notes every variable a reader asks for, set or not: what the code reads, as it runs.
 *
 * <p>Walking the whole environment notes nothing. The readers that do so pass it on rather than read it: the local
 * stack forwards {@code ALERT_*} to its alerter (the shipper's variables), the stand-in hands the rest to the app as
 * config vars (the app's). Their own variables they still ask for by name.
 */
final class RecordingEnvironment extends AbstractMap<String, String> {

    private final Map<String, String> sample;
    private final Set<String> asked = new TreeSet<>();

    RecordingEnvironment(Map<String, String> sample) {
        this.sample = Map.copyOf(sample);
    }

    @Override
    public String get(Object name) {
        note(name);
        return sample.get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        note(name);
        return sample.containsKey(name);
    }

    @Override
    public String getOrDefault(Object name, String fallback) {
        note(name);
        return sample.getOrDefault(name, fallback);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return Collections.unmodifiableSet(sample.entrySet());
    }

    /** The names asked for so far. */
    Set<String> asked() {
        return Collections.unmodifiableSet(asked);
    }

    private void note(Object name) {
        if (name instanceof String variable) {
            asked.add(variable);
        }
    }
}

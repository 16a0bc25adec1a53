package io.herokuelk.shipper.config;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A sample environment that notes every variable a reader asks for, set or not: what the code reads, as it runs.
 * Usage texts list a command's variables from it, and the variable tables in docs/operations.md are checked
 * against it.
 *
 * <p>Walking the whole environment notes nothing. The readers that do so pass it on rather than read it (the local
 * stack forwards {@code ALERT_*} to its alerter); their own variables they still ask for by name.
 */
public final class RecordingEnvironment extends AbstractMap<String, String> {

    private final Map<String, String> sample;
    private final Set<String> asked = new TreeSet<>();

    public RecordingEnvironment(Map<String, String> sample) {
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
    public Set<String> asked() {
        return Collections.unmodifiableSet(asked);
    }

    private void note(Object name) {
        if (name instanceof String variable) {
            asked.add(variable);
        }
    }
}

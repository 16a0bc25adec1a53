package io.herokuelk.shipper.config;

import java.util.List;

/** The configuration is unusable; the message lists every problem, one per line. */
public final class ConfigurationException extends RuntimeException {

    private final List<String> problems;

    public ConfigurationException(List<String> problems) {
        super("The configuration has " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

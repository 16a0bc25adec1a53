package io.herokuelk.devstack.stack;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the tooling's variables (the local stack's, the stand-in's, the demo's), each with its range, and collects
 * what is wrong with them so that every bad variable is named in one error. A value that may hold a password is never
 * repeated in a problem. (The shipper, which deploys alone, has its own reader: {@code shipper.config.Environment}.)
 */
public record VariableReader(Map<String, String> environment, List<String> problems) {

    public static VariableReader of(Map<String, String> environment) {
        return new VariableReader(environment, new ArrayList<>());
    }

    public String text(String name, String fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** A required http(s) URL; {@code purpose} says what it is for when it is missing. */
    public URI uri(String name, String purpose) {
        String value = text(name, "");
        if (value.isEmpty()) {
            problems.add(name + " is required: " + purpose);
            return null;
        }
        try {
            URI uri = URI.create(value);
            if (uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                problems.add(name + " must be an http(s) URL with a host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            problems.add(name + " is not a URL"); // the value may hold a password: not repeated here
            return null;
        }
    }

    public int integer(String name, int fallback, int min, int max) {
        String value = text(name, "");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + "=" + value + " is not a whole number from " + min + " to " + max);
        return fallback;
    }

    /** Fails with every problem found so far, if any. */
    public void check() {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Bad settings: " + String.join("; ", problems));
        }
    }
}

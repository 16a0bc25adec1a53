package io.herokuelk.standin;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Reads the stand-in's and the demo's variables, each with its range, and collects what is wrong with them so that
 * every bad variable is named in one error. A value that may hold a password is never repeated in a problem.
 */
public record VariableReader(Map<String, String> environment, List<String> problems) {

    public String text(String name, String fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    public URI uri(String name) {
        String value = text(name, "");
        if (value.isEmpty()) {
            problems.add(name + " is required: the drain to send to, such as https://user:pass@host/logs/myapp");
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

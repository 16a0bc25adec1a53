package io.herokuelk.shipper.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads typed settings from environment variables and collects every problem, so that a bad configuration fails
 * once at start with all of its bad variables named (never with the value of a secret).
 */
public final class Environment {

    private final Map<String, String> variables;
    private final List<String> problems = new ArrayList<>();

    public Environment(Map<String, String> variables) {
        this.variables = variables;
    }

    public Optional<String> optional(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String string(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public Optional<Secret> secret(String name) {
        return optional(name).map(Secret::new);
    }

    public int integer(String name, int fallback, int min, int max) {
        return (int) number(name, fallback, min, max);
    }

    public long number(String name, long fallback, long min, long max) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.get());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(name + "=" + value.get() + " is not a whole number from " + min + " to " + max);
        return fallback;
    }

    public Duration millis(String name, long fallbackMs, long minMs, long maxMs) {
        return Duration.ofMillis(number(name, fallbackMs, minMs, maxMs));
    }

    public boolean flag(String name, boolean fallback) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> {
                problem(name + "=" + value.get() + " is not true or false");
                yield fallback;
            }
        };
    }

    /** Records a problem found while reading; names the variable, never a secret's value. */
    public void problem(String description) {
        problems.add(description);
    }

    /** Fails with every problem found so far. */
    public void validate() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }
}

package io.herokuelk.app.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Typed reads of environment variables that collect every problem instead of stopping at the first,
 * so that one start-up failure names all the bad variables.
 */
final class Env {

    private final Map<String, String> vars;
    private final List<String> problems = new ArrayList<>();

    Env(Map<String, String> vars) {
        this.vars = vars;
    }

    List<String> problems() {
        return problems;
    }

    private Optional<String> raw(String name) {
        String value = vars.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    int intValue(String name, int defaultValue, int min, int max) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                problems.add(name + " must be between " + min + " and " + max + ", got " + parsed);
                return defaultValue;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(name + " must be a whole number, got '" + value.get() + "'");
            return defaultValue;
        }
    }

    /** A whole number when set, checked against its bounds like {@link #intValue}. */
    OptionalInt optionalInt(String name, int min, int max) {
        return raw(name).isEmpty() ? OptionalInt.empty() : OptionalInt.of(intValue(name, min, min, max));
    }

    double doubleValue(String name, double defaultValue, double min, double max) {
        OptionalDouble value = optionalDouble(name, min, max);
        return value.isPresent() ? value.getAsDouble() : defaultValue;
    }

    OptionalDouble optionalDouble(String name, double min, double max) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            return OptionalDouble.empty();
        }
        Double parsed = parseDouble(name, value.get(), min, max);
        return parsed == null ? OptionalDouble.empty() : OptionalDouble.of(parsed);
    }

    boolean booleanValue(String name, boolean defaultValue) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> {
                problems.add(name + " must be true or false, got '" + value.get() + "'");
                yield defaultValue;
            }
        };
    }

    /** A comma-separated list of fractions, sorted ascending, without duplicates. */
    List<Double> fractions(String name, List<Double> defaultValue, double min, double max) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        List<Double> parsed = new ArrayList<>();
        for (String part : value.get().split(",")) {
            Double fraction = parseDouble(name, part.strip(), min, max);
            if (fraction == null) {
                return defaultValue;
            }
            parsed.add(fraction);
        }
        return parsed.stream().distinct().sorted().toList();
    }

    String choice(String name, String defaultValue, List<String> allowed) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        String upper = value.get().toUpperCase(java.util.Locale.ROOT);
        if (!allowed.contains(upper)) {
            problems.add(name + " must be one of " + allowed + ", got '" + value.get() + "'");
            return defaultValue;
        }
        return upper;
    }

    private Double parseDouble(String name, String text, double min, double max) {
        try {
            double parsed = Double.parseDouble(text);
            if (!(parsed >= min && parsed <= max)) {
                problems.add(name + " values must be between " + min + " and " + max + ", got " + text);
                return null;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(name + " must be a number, got '" + text + "'");
            return null;
        }
    }
}

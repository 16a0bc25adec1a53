package io.herokuelk.shipper.alert.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Typed, line-aware reading of one YAML mapping. Every key read is remembered as known, so that what is left over is
 * reported as unknown with a did-you-mean; every bad value is reported at its line and replaced by the default, so
 * that reading goes on and all problems show at once.
 */
public final class YamlMapping {

    private final MappingNode node;
    private final String where;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();

    YamlMapping(MappingNode node, String where, Problems problems) {
        this.node = node;
        this.where = where;
        this.problems = problems;
        for (NodeTuple tuple : node.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (key == null) {
                problems.add(tuple.getKeyNode(), "a key in " + where + " is not a plain name");
            } else if (entries.putIfAbsent(key, tuple) != null) {
                problems.add(tuple.getKeyNode(), "'" + key + "' appears twice in " + where);
            }
        }
    }

    /** Reads a mapping node, or reports that the node is something else and returns null. */
    static YamlMapping of(Node node, String where, Problems problems) {
        if (node instanceof MappingNode mapping) {
            return new YamlMapping(mapping, where, problems);
        }
        problems.add(node, where + " must be a mapping of key: value");
        return null;
    }

    int line() {
        return Problems.line(node);
    }

    public String where() {
        return where;
    }

    /** Reports a problem with a key's value, at its line (or the key's, or the mapping's). */
    public void problem(String key, String message) {
        Node value = node(key);
        problems.add(value == null ? lineOf(key) : Problems.line(value), message);
    }

    boolean has(String key) {
        known.add(key);
        return entries.containsKey(key);
    }

    /** The value node, or null when absent. */
    Node node(String key) {
        known.add(key);
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : tuple.getValueNode();
    }

    /** Where a key is written, or else the mapping. */
    int lineOf(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? line() : Problems.line(tuple.getKeyNode());
    }

    public String string(String key, String fallback) {
        Node value = node(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            return scalar.getValue().trim();
        }
        problems.add(value, "'" + key + "' in " + where + " must be a non-empty text");
        return fallback;
    }

    boolean bool(String key, boolean fallback) {
        String text = string(key, null);
        if (text == null) {
            return fallback;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                problems.add(node(key), "'" + key + "' in " + where + " must be true or false, not '" + text + "'");
                yield fallback;
            }
        };
    }

    public Duration duration(String key, Duration fallback) {
        String text = string(key, null);
        if (text == null) {
            return fallback;
        }
        Duration duration = Durations.parse(text);
        if (duration == null || duration.isZero()) {
            problems.add(
                    node(key),
                    "'" + key + "' in " + where + " is not a duration: '" + text
                            + "' (write a positive number with a unit: 500ms, 30s, 2m, 1h, 1h30m)");
            return fallback;
        }
        return duration;
    }

    public double number(String key, double fallback, double min, double max) {
        String text = string(key, null);
        if (text == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text.endsWith("%") ? text.substring(0, text.length() - 1) : text);
        } catch (NumberFormatException e) {
            problems.add(node(key), "'" + key + "' in " + where + " must be a number, not '" + text + "'");
            return fallback;
        }
        if (!(value >= min && value <= max)) {
            problems.add(
                    node(key),
                    "'" + key + "' in " + where + " is out of range: " + text + " (allowed " + plain(min) + " to "
                            + plain(max) + ")");
            return fallback;
        }
        return value;
    }

    public int integer(String key, int fallback, int min, int max) {
        String text = string(key, null);
        if (text == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            problems.add(node(key), "'" + key + "' in " + where + " must be a whole number, not '" + text + "'");
            return fallback;
        }
        if (value < min || value > max) {
            problems.add(
                    node(key),
                    "'" + key + "' in " + where + " is out of range: " + value + " (allowed " + min + " to " + max
                            + ")");
            return fallback;
        }
        return value;
    }

    /** A list of texts; a single text is taken as a list of one. */
    public List<String> strings(String key, List<String> fallback) {
        Node value = node(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            return List.of(scalar.getValue().trim());
        }
        if (value instanceof SequenceNode sequence) {
            List<String> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                    items.add(scalar.getValue().trim());
                } else {
                    problems.add(item, "'" + key + "' in " + where + " must list plain texts");
                }
            }
            return items;
        }
        problems.add(value, "'" + key + "' in " + where + " must be a list like [a, b]");
        return fallback;
    }

    /** Reports every key that no read asked for, suggesting the closest known one. */
    void rejectUnknown() {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!known.contains(entry.getKey())) {
                String suggestion = Suggestions.closest(entry.getKey(), known);
                problems.add(
                        entry.getValue().getKeyNode(),
                        "unknown key '" + entry.getKey() + "' in " + where
                                + (suggestion == null
                                        ? " (known: " + String.join(", ", known) + ")"
                                        : " (did you mean '" + suggestion + "'?)"));
            }
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}

package io.herokuelk.app.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares a JSON log line with {@code src/test/resources/golden/<name>.json} in a canonical form: keys sorted,
 * pretty-printed, volatile values (timestamps, thread names, generated ids) replaced by a marker after their shape
 * is checked. Run with {@code -Dgolden.update=true} to rewrite the files, then review the diff.
 */
public final class Golden {

    static final Path DIR = Path.of("src/test/resources/golden");
    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Keys whose values change from run to run, with the pattern the value must still match. */
    private static final Map<String, String> VOLATILE = Map.of(
            "@timestamp", "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z",
            "process.thread.name", ".+",
            "error.stack_trace", "(?s).+");

    private Golden() {}

    public static String canonical(String line) {
        JsonNode node = MAPPER.readTree(line);
        assertThat(node.isObject())
                .as("a log line is one JSON object: %s", line)
                .isTrue();
        Map<String, JsonNode> sorted = new TreeMap<>();
        node.properties().forEach(entry -> {
            String pattern = VOLATILE.get(entry.getKey());
            if (pattern != null) {
                assertThat(entry.getValue().asString()).as(entry.getKey()).matches(pattern);
                sorted.put(entry.getKey(), MAPPER.getNodeFactory().stringNode("<" + entry.getKey() + ">"));
            } else {
                sorted.put(entry.getKey(), entry.getValue());
            }
        });
        ObjectNode canonical = MAPPER.createObjectNode();
        sorted.forEach(canonical::set);
        return MAPPER.writeValueAsString(canonical) + "\n";
    }

    public static void assertMatches(String name, String line) throws IOException {
        String actual = canonical(line);
        Path file = DIR.resolve(name + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file)
                .as("golden file %s (run with -Dgolden.update=true to create it)", file)
                .exists();
        assertThat(actual).as("line %s against %s", line, file).isEqualTo(Files.readString(file));
    }

    public static Set<String> keys(String line) {
        Set<String> keys = new java.util.TreeSet<>();
        MAPPER.readTree(line).propertyNames().forEach(keys::add);
        return keys;
    }
}

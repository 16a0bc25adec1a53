package io.herokuelk.shipper.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herokuelk.elk.assets.ElasticsearchAssets.Asset;
import io.herokuelk.elk.assets.ElasticsearchAssets.Kind;
import io.herokuelk.shipper.parse.Field;
import io.herokuelk.shipper.parse.FieldNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The index templates (elk's resources) against the documents the parsers write: every field of the contract is
 * mapped, with the type family its values need, and the app's own extra fields stay unmapped on purpose.
 */
class MappingContractTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path GOLDEN = Path.of("src/test/resources/golden");

    /**
     * Fields of the golden app lines that are the app's own, beyond the contract: kept in _source, not mapped
     * ({@code dynamic: false}), which is the guard against mapping explosion working.
     */
    static final Set<String> APP_OWN_UNMAPPED = Set.of(
            "@version",
            "level_value",
            "payload",
            "app_json.service.name",
            "app.memory.dyno_quota_mb",
            "app_json.data_stream.dataset",
            "app_json.data_stream.namespace",
            "app_json.ecs.version",
            "app_json.heroku.router.dyno");

    private static final Set<String> NUMERIC = Set.of("long", "integer", "short", "float", "double", "half_float");

    /** Dotted path to type of every field the data streams of an index template map. */
    static Map<String, String> mappedFields(String indexTemplate) {
        JsonNode template = JSON.readTree(new Asset(Kind.INDEX_TEMPLATE, indexTemplate).bytes());
        Map<String, String> fields = new TreeMap<>();
        for (JsonNode component : template.get("composed_of")) {
            Asset asset = new Asset(Kind.COMPONENT_TEMPLATE, component.asString());
            JsonNode properties = JSON.readTree(asset.bytes()).at("/template/mappings/properties");
            if (!properties.isMissingNode()) {
                collect(properties, "", fields);
            }
        }
        return fields;
    }

    private static void collect(JsonNode properties, String prefix, Map<String, String> out) {
        for (Map.Entry<String, JsonNode> entry : properties.properties()) {
            String path = prefix + entry.getKey();
            JsonNode mapping = entry.getValue();
            if (mapping.has("properties")) {
                collect(mapping.get("properties"), path + ".", out);
            }
            if (mapping.has("type")) {
                out.put(path, mapping.get("type").asString());
            }
            if (mapping.has("fields")) {
                collect(mapping.get("fields"), path + ".", out);
            }
        }
    }

    /** Every golden expected document that goes to a data stream (dead letters of framing have no dataset). */
    static List<JsonNode> goldenDocuments() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(GOLDEN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".expected.ndjson"))
                    .sorted()
                    .toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        documents.add(JSON.readTree(line));
                    }
                }
            }
        }
        return documents;
    }

    static Map<String, JsonNode> flatten(JsonNode document) {
        Map<String, JsonNode> out = new TreeMap<>();
        flatten(document, "", out);
        return out;
    }

    private static void flatten(JsonNode node, String prefix, Map<String, JsonNode> out) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getValue().isObject()) {
                flatten(entry.getValue(), prefix + entry.getKey() + ".", out);
            } else {
                out.put(prefix + entry.getKey(), entry.getValue());
            }
        }
    }

    @Test
    void everyContractFieldIsMappedForHerokuAndAppStreams() {
        for (String template : List.of("heroku-elk-logs-heroku", "heroku-elk-logs-app")) {
            Map<String, String> mapped = mappedFields(template);
            List<String> missing = FieldNames.inWriteOrder().stream()
                    .map(Field::name)
                    .filter(name -> !mapped.containsKey(name))
                    .toList();
            assertEquals(List.of(), missing, template);
        }
    }

    @Test
    void everyGoldenFieldIsMappedExceptTheAppsOwnExtras() throws IOException {
        Map<String, String> mapped = mappedFields("heroku-elk-logs-heroku");
        Set<String> unmapped = new TreeSet<>();
        int withDataset = 0;
        for (JsonNode document : goldenDocuments()) {
            if (!document.at("/event/dataset").isString()) {
                assertTrue(document.has("garbage"), "only framing dead letters lack a dataset: " + document);
                continue;
            }
            withDataset++;
            flatten(document).keySet().stream()
                    .filter(name -> !mapped.containsKey(name))
                    .forEach(unmapped::add);
        }
        assertTrue(withDataset > 50, "golden documents found: " + withDataset);
        assertEquals(APP_OWN_UNMAPPED, unmapped);
        APP_OWN_UNMAPPED.forEach(name -> assertFalse(mapped.containsKey(name), name));
    }

    @Test
    void typesFollowTheValues() {
        for (String template : List.of("heroku-elk-logs-heroku", "heroku-elk-logs-app")) {
            Map<String, String> mapped = mappedFields(template);
            assertEquals("date", mapped.get("@timestamp"));
            assertEquals("date", mapped.get("heroku.logplex.dropped_since"));
            assertEquals("ip", mapped.get("client.ip"));
            assertEquals("text", mapped.get("message"));
            assertEquals("long", mapped.get("http.response.status_code"));
            assertEquals("long", mapped.get("event.duration"));
            assertEquals("keyword", mapped.get("event.original"));
            mapped.forEach((name, type) -> {
                if (name.endsWith("_mb")
                        || name.endsWith("_pct")
                        || name.endsWith("_ms")
                        || name.startsWith("heroku.load.")) {
                    assertTrue(Set.of("float", "double").contains(type), name + " is " + type);
                }
                if (name.endsWith("_code")
                        || name.endsWith(".bytes")
                        || name.endsWith(".pgpgin")
                        || name.endsWith(".pgpgout")
                        || name.endsWith(".dropped")) {
                    assertEquals("long", type, name);
                }
            });
        }
    }

    @Test
    void goldenValuesFitTheirMappedType() throws IOException {
        Map<String, String> mapped = mappedFields("heroku-elk-logs-heroku");
        for (JsonNode document : goldenDocuments()) {
            flatten(document).forEach((name, value) -> {
                String type = mapped.get(name);
                if (type == null) {
                    return;
                }
                if (NUMERIC.contains(type)) {
                    assertTrue(value.isNumber(), name + " holds " + value);
                }
                if (type.equals("keyword") || type.equals("text")) {
                    assertTrue(value.isString() || value.isArray(), name + " holds " + value);
                }
            });
        }
    }
}

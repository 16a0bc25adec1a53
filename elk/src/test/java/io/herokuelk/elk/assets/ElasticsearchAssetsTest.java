package io.herokuelk.elk.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herokuelk.elk.assets.ElasticsearchAssets.Asset;
import io.herokuelk.elk.assets.ElasticsearchAssets.Kind;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ElasticsearchAssetsTest {

    /** Mapping types the minimal Elasticsearch distribution does not have (checked on the real node). */
    private static final Set<String> ABSENT_ON_MINIMAL_NODE =
            Set.of("scaled_float", "match_only_text", "wildcard", "constant_keyword");

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyAssetIsValidJson() {
        for (Asset asset : ElasticsearchAssets.all()) {
            JsonNode body = json.readTree(asset.bytes());
            assertTrue(body.isObject(), asset.resource());
        }
    }

    @Test
    void everyFileUnderElasticsearchIsAnAssetAndEveryAssetHasAFile() throws IOException, URISyntaxException {
        Path root =
                Path.of(getClass().getClassLoader().getResource("elasticsearch").toURI());
        Set<String> files = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.toString().endsWith(".json"))
                    .forEach(p -> files.add(
                            "elasticsearch/" + root.relativize(p).toString().replace('\\', '/')));
        }
        Set<String> listed = new TreeSet<>();
        ElasticsearchAssets.all().forEach(asset -> listed.add(asset.resource()));
        assertEquals(files, listed);
    }

    @Test
    void indexTemplatesAreDataStreamsAboveTheBuiltInLogsTemplateAndComposeOnlyOurComponents() {
        Set<String> components = new TreeSet<>();
        ElasticsearchAssets.all().stream()
                .filter(a -> a.kind() == Kind.COMPONENT_TEMPLATE)
                .forEach(a -> components.add(a.name()));
        for (Asset asset : ElasticsearchAssets.indexTemplates()) {
            JsonNode body = json.readTree(asset.bytes());
            assertTrue(body.get("data_stream").isObject(), asset.name() + " makes data streams");
            assertTrue(body.get("priority").asInt() > 100, asset.name() + " wins over Elastic's logs template (100)");
            for (JsonNode component : body.get("composed_of")) {
                assertTrue(components.contains(component.asString()), asset.name() + " composes " + component);
            }
            assertEquals(
                    "heroku-elk@ilm",
                    body.get("ignore_missing_component_templates").get(0).asString(),
                    "clusters without ILM never get the ILM component; the template must still install");
            assertTrue(body.at("/template/lifecycle/data_retention").isString(), asset.name() + " sets retention");
            for (JsonNode pattern : body.get("index_patterns")) {
                assertTrue(pattern.asString().startsWith("logs-"), pattern.asString());
            }
        }
    }

    @Test
    void mappingsGuardAgainstUnknownFieldsAndUseOnlyTypesTheMinimalNodeHas() {
        for (Asset asset : ElasticsearchAssets.componentTemplates()) {
            JsonNode mappings = json.readTree(asset.bytes()).at("/template/mappings");
            if (mappings.isMissingNode()) {
                continue;
            }
            assertFalse(mappings.get("dynamic").asBoolean(true), asset.name() + " must say dynamic:false");
            List<String> absent = new ArrayList<>();
            types(mappings.get("properties"), "").forEach((field, type) -> {
                if (ABSENT_ON_MINIMAL_NODE.contains(type)) {
                    absent.add(field + ":" + type);
                }
            });
            assertEquals(List.of(), absent, asset.name());
        }
    }

    @Test
    void eventOriginalIsStoredButNotIndexed() {
        for (String name : List.of("heroku-elk@ecs-mappings", "heroku-elk@dead-letter-mappings")) {
            JsonNode original = json.readTree(new Asset(Kind.COMPONENT_TEMPLATE, name).bytes())
                    .at("/template/mappings/properties/event/properties/original");
            assertFalse(original.get("index").asBoolean(true), name);
            assertFalse(original.get("doc_values").asBoolean(true), name);
        }
    }

    /** Dotted field path to mapping type, through nested {@code properties} and multi-field {@code fields}. */
    static Map<String, String> types(JsonNode properties, String prefix) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : properties.properties()) {
            String path = prefix + entry.getKey();
            JsonNode mapping = entry.getValue();
            if (mapping.has("properties")) {
                out.putAll(types(mapping.get("properties"), path + "."));
            }
            if (mapping.has("type")) {
                out.put(path, mapping.get("type").asString());
            }
            if (mapping.has("fields")) {
                out.putAll(types(mapping.get("fields"), path + "."));
            }
        }
        return out;
    }
}

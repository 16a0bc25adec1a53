package io.herokuelk.shipper.setup.kibana;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The saved objects of a {@link FakeKibana}, one store per space, and its import as Kibana's
 * {@code importSavedObjectsFromStream} runs it with {@code overwrite=true} ({@code core/.../import}):
 * <ol>
 *   <li>types Kibana does not know get {@code unsupported_type} ({@code collect_saved_objects.ts});</li>
 *   <li>data view references that are neither in the file nor in the space get {@code missing_references}
 *       ({@code validate_references.ts});</li>
 *   <li>an object whose id another space holds (the types are multi-namespace) is given a new id, unless this space
 *       holds an object that came from it, which is then overwritten ({@code check_conflicts.ts},
 *       {@code check_origin_conflicts.ts}); two such objects are an {@code ambiguous_conflict};</li>
 *   <li>a conflict, ambiguous conflict or missing reference writes nothing; other errors skip only their object
 *       ({@code create_saved_objects.ts});</li>
 *   <li>a {@code typeMigrationVersion} newer than the type's latest migration refuses the whole request, as the
 *       document migrator throws while writing.</li>
 * </ol>
 */
final class FakeSavedObjects {

    /** An import answer, or the request refused as a whole. */
    record ImportResult(ObjectNode body, String refusal) {}

    private static final Set<String> WRITES_NOTHING = Set.of("conflict", "ambiguous_conflict", "missing_references");

    private final Map<String, Map<String, ObjectNode>> spaces = new HashMap<>();
    /** Types Kibana knows, with the latest migration of each (what Kibana 8.9 and later know of these types). */
    final Map<String, String> latestMigration =
            new HashMap<>(Map.of("index-pattern", "8.0.0", "dashboard", "8.9.0", "lens", "8.9.0"));
    /** When set, the import answers as if this data view did not exist, as Kibana does for missing references. */
    volatile String missingReferenceFor;

    /** The objects of one space, by {@code type:id}. */
    Map<String, ObjectNode> space(String space) {
        return spaces.computeIfAbsent(space, s -> new LinkedHashMap<>());
    }

    ImportResult importInto(String space, List<JsonNode> objects) {
        Map<String, ObjectNode> here = space(space);
        ObjectNode answer = Exported.JSON.createObjectNode();
        ArrayNode errors = Exported.JSON.createArrayNode();
        Set<String> failed = new HashSet<>();
        Set<String> inFile = new HashSet<>();
        objects.forEach(o -> inFile.add(key(o)));
        List<JsonNode> collected = new ArrayList<>();
        for (JsonNode object : objects) {
            if (!latestMigration.containsKey(object.path("type").asString())) {
                errors.add(failure(object, "unsupported_type"));
                failed.add(key(object));
            } else {
                collected.add(object);
            }
        }
        for (JsonNode object : collected) {
            ArrayNode missing = Exported.JSON.createArrayNode();
            for (JsonNode reference : object.path("references")) {
                String target = reference.path("type").asString() + ":"
                        + reference.path("id").asString();
                boolean known = (inFile.contains(target) || here.containsKey(target))
                        && !reference.path("id").asString().equals(missingReferenceFor);
                boolean listed =
                        missing.valueStream().anyMatch(m -> m.path("id").equals(reference.path("id")));
                if (reference.path("type").asString().equals("index-pattern") && !known && !listed) {
                    missing.addObject()
                            .put("type", "index-pattern")
                            .put("id", reference.path("id").asString());
                }
            }
            if (!missing.isEmpty()) {
                ObjectNode failure = failure(object, "missing_references");
                ((ObjectNode) failure.get("error")).set("references", missing);
                errors.add(failure);
                failed.add(key(object));
            }
        }
        Map<String, String> destinations = new HashMap<>();
        Set<String> overwrites = new HashSet<>();
        for (JsonNode object : collected) {
            String key = key(object);
            if (failed.contains(key)) {
                continue;
            }
            List<String> fromOrigin = here.values().stream()
                    .filter(o -> o.path("type").equals(object.path("type"))
                            && o.path("originId")
                                    .asString("")
                                    .equals(object.path("id").asString()))
                    .map(o -> o.path("id").asString())
                    .toList();
            if (here.containsKey(key)) {
                overwrites.add(key);
            } else if (fromOrigin.size() > 1) {
                errors.add(failure(object, "ambiguous_conflict"));
                failed.add(key);
            } else if (fromOrigin.size() == 1) {
                destinations.put(key, fromOrigin.getFirst());
                overwrites.add(key);
            } else if (heldElsewhere(space, key)) {
                destinations.put(key, UUID.randomUUID().toString());
            }
        }
        boolean writesNothing = errors.valueStream()
                .anyMatch(e -> WRITES_NOTHING.contains(e.at("/error/type").asString()));
        ArrayNode successes = Exported.JSON.createArrayNode();
        for (JsonNode object : collected) {
            String key = key(object);
            if (failed.contains(key)) {
                continue;
            }
            ObjectNode success = successes
                    .addObject()
                    .put("type", object.path("type").asString())
                    .put("id", object.path("id").asString());
            success.putObject("meta")
                    .put("title", object.at("/attributes/title").asString(""));
            if (overwrites.contains(key)) {
                success.put("overwrite", true);
            }
            if (destinations.containsKey(key)) {
                success.put("destinationId", destinations.get(key));
            }
        }
        if (!writesNothing) {
            for (JsonNode object : collected) {
                String refusal = newerThanKnown(object);
                if (refusal != null) {
                    return new ImportResult(null, refusal);
                }
            }
            for (JsonNode object : collected) {
                if (!failed.contains(key(object))) {
                    write(here, object, destinations);
                }
            }
        }
        answer.put("success", errors.isEmpty());
        answer.put("successCount", successes.size());
        answer.set("successResults", successes);
        answer.set("errors", errors);
        answer.putArray("warnings");
        return new ImportResult(answer, null);
    }

    private void write(Map<String, ObjectNode> here, JsonNode object, Map<String, String> destinations) {
        ObjectNode stored = (ObjectNode) object.deepCopy();
        String key = key(object);
        if (destinations.containsKey(key)) {
            stored.put("id", destinations.get(key));
            stored.put("originId", object.path("id").asString());
        }
        for (JsonNode reference : stored.path("references")) {
            String target = reference.path("type").asString() + ":"
                    + reference.path("id").asString();
            if (destinations.containsKey(target)) {
                ((ObjectNode) reference).put("id", destinations.get(target));
            }
        }
        here.put(key(stored), stored);
    }

    private boolean heldElsewhere(String space, String key) {
        return spaces.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(space) && e.getValue().containsKey(key));
    }

    private String newerThanKnown(JsonNode object) {
        String version = object.path("typeMigrationVersion").asString("");
        String latest = latestMigration.get(object.path("type").asString());
        if (!version.isEmpty() && compare(version, latest) > 0) {
            return "Document \"" + object.path("id").asString() + "\" belongs to a more recent version of Kibana ["
                    + version + "] when the last known version is [" + latest + "].";
        }
        return null;
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int diff = Integer.compare(
                    i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (diff != 0) {
                return diff;
            }
        }
        return 0;
    }

    private static ObjectNode failure(JsonNode object, String type) {
        ObjectNode failure = Exported.JSON
                .createObjectNode()
                .put("type", object.path("type").asString())
                .put("id", object.path("id").asString());
        failure.putObject("meta").put("title", object.at("/attributes/title").asString(""));
        failure.putObject("error").put("type", type);
        return failure;
    }

    static String key(JsonNode object) {
        return object.path("type").asString() + ":" + object.path("id").asString();
    }
}

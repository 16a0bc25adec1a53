package io.herokuelk.shipper.setup.kibana;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local HTTP server that answers the four Kibana APIs setup uses as Kibana does, checks requests as Kibana's route
 * validation does (method, path, {@code kbn-xsrf}, credentials, multipart field {@code file} with an {@code .ndjson}
 * name, body keys an update may not carry) and answers violations with Kibana's error shape
 * {@code {statusCode, error, message}}. It keeps what was written, so a second run sees the first run's objects.
 */
final class FakeKibana implements AutoCloseable {

    private static final Pattern SPACE = Pattern.compile("^/s/([a-z0-9_-]+)(/.*)$");
    private static final Pattern MULTIPART_FILE = Pattern.compile(
            "Content-Disposition: form-data; name=\"([^\"]*)\"; filename=\"([^\"]*)\"\r\n(?:[^\r\n]+\r\n)*\r\n",
            Pattern.DOTALL);

    final List<String> requests = new ArrayList<>();
    final Map<String, JsonNode> savedObjects = new LinkedHashMap<>();
    final Map<String, ObjectNode> rules = new LinkedHashMap<>();
    final Map<String, ObjectNode> connectors = new LinkedHashMap<>();
    final List<String> importedBodies = new ArrayList<>();
    volatile String version = "8.15.3";
    volatile String apiKey;
    /** When set, the import answers with this error for objects of this id, as Kibana does for missing references. */
    volatile String missingReferenceFor;

    private final HttpServer server;

    FakeKibana() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            String space = "default";
            Matcher inSpace = SPACE.matcher(path);
            if (inSpace.matches()) {
                space = inSpace.group(1);
                path = inSpace.group(2);
            }
            requests.add(method + " " + (space.equals("default") ? "" : "/s/" + space) + path
                    + (query == null ? "" : "?" + query));
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (apiKey != null && !("ApiKey " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                error(exchange, 401, "Unauthorized", "[security_exception]: missing authentication credentials for"
                        + " REST request");
                return;
            }
            if (!method.equals("GET") && exchange.getRequestHeaders().getFirst("kbn-xsrf") == null) {
                error(exchange, 400, "Bad Request", "Request must contain a kbn-xsrf header.");
                return;
            }
            if (path.equals("/api/status") && method.equals("GET")) {
                ObjectNode status = Exported.JSON.createObjectNode();
                status.put("name", "kibana");
                status.putObject("version").put("number", version).put("build_flavor", "traditional");
                status.putObject("status").putObject("overall").put("level", "available");
                send(exchange, 200, status);
            } else if (path.equals("/api/saved_objects/_import") && method.equals("POST")) {
                importObjects(exchange, query, body);
            } else if (path.startsWith("/api/alerting/rule/")) {
                crud(exchange, method, path.substring("/api/alerting/rule/".length()), body, rules, "alert",
                        Set.of("name", "rule_type_id", "consumer", "schedule", "params"),
                        Set.of("name", "tags", "schedule", "params", "actions", "throttle", "notify_when"));
            } else if (path.startsWith("/api/actions/connector/")) {
                crud(exchange, method, path.substring("/api/actions/connector/".length()), body, connectors,
                        "action", Set.of("name", "connector_type_id"), Set.of("name", "config", "secrets"));
            } else {
                error(exchange, 404, "Not Found", "Not Found");
            }
        }
    }

    private void importObjects(HttpExchange exchange, String query, byte[] body) throws IOException {
        if (query == null || !query.contains("overwrite=true")) {
            error(exchange, 400, "Bad Request", "setup must overwrite: expected overwrite=true, got " + query);
            return;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("multipart/form-data; boundary=")) {
            error(exchange, 415, "Unsupported Media Type", "Unsupported Media Type");
            return;
        }
        String boundary = "--" + type.substring("multipart/form-data; boundary=".length());
        String text = new String(body, StandardCharsets.UTF_8);
        Matcher part = MULTIPART_FILE.matcher(text);
        if (!text.startsWith(boundary + "\r\n") || !part.find() || !part.group(1).equals("file")) {
            error(exchange, 400, "Bad Request", "[request body.file]: expected value of type [Stream] but got"
                    + " [undefined]");
            return;
        }
        if (!part.group(2).endsWith(".ndjson")) {
            error(exchange, 400, "Bad Request", "Invalid file extension "
                    + part.group(2).substring(part.group(2).lastIndexOf('.')));
            return;
        }
        int end = text.indexOf("\r\n" + boundary + "--", part.end());
        String ndjson = text.substring(part.end(), end);
        importedBodies.add(ndjson);
        Map<String, JsonNode> incoming = new LinkedHashMap<>();
        for (String line : ndjson.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode object = Exported.JSON.readTree(line);
            String key = object.path("type").asString() + ":" + object.path("id").asString();
            if (incoming.put(key, object) != null) {
                error(exchange, 400, "Bad Request", "Non-unique import objects detected: [" + key + "]");
                return;
            }
        }
        ObjectNode answer = Exported.JSON.createObjectNode();
        ArrayNode successes = answer.putArray("successResults");
        ArrayNode errors = answer.putArray("errors");
        answer.putArray("warnings");
        for (Map.Entry<String, JsonNode> entry : incoming.entrySet()) {
            JsonNode object = entry.getValue();
            String objectType = object.get("type").asString();
            ObjectNode result = Exported.JSON.createObjectNode().put("type", objectType)
                    .put("id", object.get("id").asString());
            result.putObject("meta").put("title", object.at("/attributes/title").asString(""));
            if (!Set.of("index-pattern", "dashboard", "lens").contains(objectType)) {
                result.putObject("error").put("type", "unsupported_type");
                errors.add(result);
                continue;
            }
            // Kibana checks index-pattern and search references against the file and what it already holds.
            List<JsonNode> missing = new ArrayList<>();
            for (JsonNode reference : object.get("references")) {
                String target = reference.get("type").asString() + ":" + reference.get("id").asString();
                boolean known = incoming.containsKey(target) && !reference.get("id").asString()
                        .equals(missingReferenceFor);
                boolean listed = missing.stream().anyMatch(m -> m.get("id").equals(reference.get("id")));
                if (reference.get("type").asString().equals("index-pattern") && !known && !listed
                        && !savedObjects.containsKey(target)) {
                    missing.add(reference);
                }
            }
            if (!missing.isEmpty()) {
                ObjectNode error = result.putObject("error").put("type", "missing_references");
                ArrayNode references = error.putArray("references");
                missing.forEach(r -> references.addObject().put("type", r.get("type").asString())
                        .put("id", r.get("id").asString()));
                errors.add(result);
                continue;
            }
            if (savedObjects.containsKey(entry.getKey())) {
                result.put("overwrite", true);
            }
            successes.add(result);
        }
        boolean success = errors.isEmpty();
        if (success) {
            savedObjects.putAll(incoming);
        } else {
            successes.removeAll(); // an import with errors writes nothing
        }
        answer.put("success", success);
        answer.put("successCount", successes.size());
        send(exchange, 200, answer);
    }

    private void crud(HttpExchange exchange, String method, String id, byte[] body, Map<String, ObjectNode> store,
                      String savedType, Set<String> required, Set<String> updatable) throws IOException {
        if (!id.matches("[0-9a-f-]{36}")) {
            error(exchange, 404, "Not Found", "Not Found");
            return;
        }
        switch (method) {
            case "GET" -> {
                if (store.containsKey(id)) {
                    send(exchange, 200, store.get(id));
                } else {
                    error(exchange, 404, "Not Found", "Saved object [" + savedType + "/" + id + "] not found");
                }
            }
            case "POST", "PUT" -> {
                if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                    error(exchange, 415, "Unsupported Media Type", "Unsupported Media Type");
                    return;
                }
                ObjectNode json = (ObjectNode) Exported.JSON.readTree(body);
                boolean create = method.equals("POST");
                for (String key : json.propertyNames()) {
                    Set<String> allowed = new HashSet<>(updatable);
                    if (create) {
                        allowed.addAll(required);
                        allowed.add("enabled");
                    }
                    if (!allowed.contains(key)) {
                        error(exchange, 400, "Bad Request", "[request body." + key + "]: definition for this key is"
                                + " missing");
                        return;
                    }
                }
                for (String key : create ? required : Set.of("name")) {
                    if (!json.has(key)) {
                        error(exchange, 400, "Bad Request", "[request body." + key + "]: expected value of type"
                                + " [string] but got [undefined]");
                        return;
                    }
                }
                if (create && store.containsKey(id)) {
                    error(exchange, 409, "Conflict", "Saved object [" + savedType + "/" + id + "] conflict");
                    return;
                }
                if (!create && !store.containsKey(id)) {
                    error(exchange, 404, "Not Found", "Saved object [" + savedType + "/" + id + "] not found");
                    return;
                }
                ObjectNode stored = create ? json.deepCopy() : store.get(id).deepCopy();
                if (!create) {
                    stored.setAll(json);
                }
                stored.put("id", id);
                store.put(id, stored);
                send(exchange, 200, stored);
            }
            default -> error(exchange, 404, "Not Found", "Not Found");
        }
    }

    private static void error(HttpExchange exchange, int status, String error, String message) throws IOException {
        ObjectNode body = Exported.JSON.createObjectNode().put("statusCode", status).put("error", error)
                .put("message", message);
        send(exchange, status, body);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Exported.JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

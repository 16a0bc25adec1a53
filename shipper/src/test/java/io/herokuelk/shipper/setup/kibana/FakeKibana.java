package io.herokuelk.shipper.setup.kibana;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local HTTP server that answers the four Kibana APIs setup uses as Kibana does, checks requests as Kibana's route
 * validation does (method, path, {@code kbn-xsrf}, credentials, multipart field {@code file} with an {@code .ndjson}
 * name, body keys an update may not carry) and answers violations with Kibana's error shape
 * {@code {statusCode, error, message}}. Beyond the routes it refuses what Kibana's services refuse: rule parameters
 * outside the {@code .index-threshold} schema ({@link IndexThresholdParams}), actions whose connector the space lacks,
 * predefined ids that are not UUIDs (rules and connectors have encrypted attributes), connector types the licence
 * lacks. Rules and connectors live in one space but their ids are unique across all spaces, as Kibana's
 * multi-namespace types are; saved objects are imported as {@link FakeSavedObjects} says. It keeps what was written,
 * so a second run sees the first run's objects.
 */
final class FakeKibana implements AutoCloseable {

    private static final Pattern SPACE = Pattern.compile("^/s/([a-z0-9_-]+)(/.*)$");
    private static final Pattern MULTIPART_FILE = Pattern.compile(
            "Content-Disposition: form-data; name=\"([^\"]*)\"; filename=\"([^\"]*)\"\r\n(?:[^\r\n]+\r\n)*\r\n",
            Pattern.DOTALL);

    /** Kibana's {@code SavedObjectsUtils.isRandomId}: the only predefined ids allowed for encrypted types. */
    private static final Pattern UUID =
            Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    /** Connector types and the licence each needs. */
    private static final Map<String, String> CONNECTOR_LICENCES = Map.of(
            ".server-log",
            "basic",
            ".index",
            "basic",
            ".slack",
            "gold",
            ".webhook",
            "gold",
            ".pagerduty",
            "gold",
            ".email",
            "gold");

    private static final List<String> LICENCES = List.of("basic", "gold", "platinum", "enterprise", "trial");

    final List<String> requests = new ArrayList<>();
    final FakeSavedObjects objects = new FakeSavedObjects();
    /** The default space's saved objects, by {@code type:id}. */
    final Map<String, ObjectNode> savedObjects = objects.space("default");

    final Map<String, ObjectNode> rules = new LinkedHashMap<>();
    final Map<String, ObjectNode> connectors = new LinkedHashMap<>();
    /** The space of each rule and connector, by {@code type:id}. */
    final Map<String, String> spaceOf = new HashMap<>();

    final List<String> importedBodies = new ArrayList<>();
    volatile String version = "8.15.3";
    volatile String licence = "basic";
    volatile boolean licenceExpired;
    volatile String apiKey;

    private final HttpServer server;

    /** A started fake, for a test's field initialiser. */
    static FakeKibana started() {
        try {
            return new FakeKibana();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

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
            if (apiKey != null
                    && !("ApiKey " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                error(
                        exchange,
                        401,
                        "Unauthorized",
                        "[security_exception]: missing authentication credentials for" + " REST request");
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
                importObjects(exchange, space, query, body);
            } else if (path.startsWith("/api/alerting/rule/")) {
                crud(
                        exchange,
                        method,
                        space,
                        path.substring("/api/alerting/rule/".length()),
                        body,
                        rules,
                        "alert",
                        Set.of("name", "rule_type_id", "consumer", "schedule", "params"),
                        Set.of("name", "tags", "schedule", "params", "actions", "throttle", "notify_when"));
            } else if (path.startsWith("/api/actions/connector/")) {
                crud(
                        exchange,
                        method,
                        space,
                        path.substring("/api/actions/connector/".length()),
                        body,
                        connectors,
                        "action",
                        Set.of("name", "connector_type_id"),
                        Set.of("name", "config", "secrets"));
            } else {
                error(exchange, 404, "Not Found", "Not Found");
            }
        }
    }

    private void importObjects(HttpExchange exchange, String space, String query, byte[] body) throws IOException {
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
        if (!text.startsWith(boundary + "\r\n")
                || !part.find()
                || !part.group(1).equals("file")) {
            error(
                    exchange,
                    400,
                    "Bad Request",
                    "[request body.file]: expected value of type [Stream] but got" + " [undefined]");
            return;
        }
        if (!part.group(2).endsWith(".ndjson")) {
            error(
                    exchange,
                    400,
                    "Bad Request",
                    "Invalid file extension "
                            + part.group(2).substring(part.group(2).lastIndexOf('.')));
            return;
        }
        int end = text.indexOf("\r\n" + boundary + "--", part.end());
        String ndjson = text.substring(part.end(), end);
        importedBodies.add(ndjson);
        List<JsonNode> incoming = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String line : ndjson.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode object = Exported.JSON.readTree(line);
            if (!keys.add(FakeSavedObjects.key(object))) {
                error(
                        exchange,
                        400,
                        "Bad Request",
                        "Non-unique import objects detected: [" + FakeSavedObjects.key(object) + "]");
                return;
            }
            incoming.add(object);
        }
        FakeSavedObjects.ImportResult result = objects.importInto(space, incoming);
        if (result.refusal() != null) {
            error(exchange, 400, "Bad Request", result.refusal());
        } else {
            send(exchange, 200, result.body());
        }
    }

    private void crud(
            HttpExchange exchange,
            String method,
            String space,
            String id,
            byte[] body,
            Map<String, ObjectNode> store,
            String savedType,
            Set<String> required,
            Set<String> updatable)
            throws IOException {
        boolean here = store.containsKey(id) && space.equals(spaceOf.get(savedType + ":" + id));
        String notFound = "Saved object [" + savedType + "/" + id + "] not found";
        switch (method) {
            case "GET" -> {
                if (here) {
                    send(exchange, 200, store.get(id));
                } else {
                    error(exchange, 404, "Not Found", notFound);
                }
            }
            case "POST", "PUT" -> {
                if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                    error(exchange, 415, "Unsupported Media Type", "Unsupported Media Type");
                    return;
                }
                ObjectNode json = (ObjectNode) Exported.JSON.readTree(body);
                boolean create = method.equals("POST");
                String shape = shapeProblem(json, create, required, updatable);
                if (shape != null) {
                    error(exchange, 400, "Bad Request", shape);
                    return;
                }
                if (create && !UUID.matcher(id).matches()) {
                    error(
                            exchange,
                            400,
                            "Bad Request",
                            "Predefined IDs are not allowed for saved objects with"
                                    + " encrypted attributes unless the ID is a UUID.");
                    return;
                }
                if (create && store.containsKey(id)) {
                    // The id is taken in this space or in another: ids of multi-namespace types are global.
                    error(exchange, 409, "Conflict", "Saved object [" + savedType + "/" + id + "] conflict");
                    return;
                }
                if (!create && !here) {
                    error(exchange, 404, "Not Found", notFound);
                    return;
                }
                ObjectNode stored = create ? json.deepCopy() : store.get(id).deepCopy();
                if (!create) {
                    stored.setAll(json);
                }
                Refusal refusal = savedType.equals("alert") ? ruleProblem(space, stored) : connectorProblem(stored);
                if (refusal != null) {
                    error(
                            exchange,
                            refusal.status(),
                            refusal.status() == 403 ? "Forbidden" : "Bad Request",
                            refusal.message());
                    return;
                }
                stored.put("id", id);
                store.put(id, stored);
                spaceOf.put(savedType + ":" + id, space);
                send(exchange, 200, stored);
            }
            default -> error(exchange, 404, "Not Found", "Not Found");
        }
    }

    /** The route's body validation: known keys only, the required ones present. */
    private static String shapeProblem(ObjectNode json, boolean create, Set<String> required, Set<String> updatable) {
        Set<String> allowed = new HashSet<>(updatable);
        if (create) {
            allowed.addAll(required);
            allowed.add("enabled");
        }
        for (String key : json.propertyNames()) {
            if (!allowed.contains(key)) {
                return "[request body." + key + "]: definition for this key is missing";
            }
        }
        for (String key : create ? required : Set.of("name")) {
            if (!json.has(key)) {
                return "[request body." + key + "]: expected value of type [string] but got [undefined]";
            }
        }
        return null;
    }

    /** A request Kibana's service refuses: the status and Kibana's sentence. */
    private record Refusal(int status, String message) {
        static Refusal badRequest(String message) {
            return new Refusal(400, message);
        }
    }

    /** What the rules client refuses: an unknown rule type, invalid params, actions it cannot load or accept. */
    private Refusal ruleProblem(String space, ObjectNode rule) {
        String type = rule.path("rule_type_id").asString();
        if (!type.equals(RuleBodies.RULE_TYPE)) {
            return Refusal.badRequest("Rule type \"" + type + "\" is not registered.");
        }
        String params = IndexThresholdParams.problem(rule.path("params"));
        if (params != null) {
            return Refusal.badRequest("params invalid: " + params);
        }
        for (JsonNode action : rule.path("actions")) {
            String connector = action.path("id").asString();
            if (!connectors.containsKey(connector) || !space.equals(spaceOf.get("action:" + connector))) {
                return Refusal.badRequest("Failed to load action " + connector + " (404): Saved object [action/"
                        + connector + "] not found");
            }
            if (!action.path("group").asString().equals(RuleBodies.ACTION_GROUP)) {
                return Refusal.badRequest("Failed to validate actions due to the following error: Invalid action"
                        + " groups: " + action.path("group").asString());
            }
            if (!action.has("frequency") && !rule.has("notify_when")) {
                return Refusal.badRequest("Failed to validate actions due to the following error: Actions"
                        + " missing frequency parameters: "
                        + action.path("group").asString());
            }
        }
        return null;
    }

    /**
     * What the actions client refuses: an unknown connector type (400), one the licence lacks or any once the licence
     * has expired (403, {@code actions/server/lib/action_type_registry} and {@code license_state.ts}).
     */
    private Refusal connectorProblem(ObjectNode connector) {
        String type = connector.path("connector_type_id").asString();
        String needs = CONNECTOR_LICENCES.get(type);
        if (needs == null) {
            return Refusal.badRequest("Action type \"" + type + "\" is not registered.");
        }
        if (licenceExpired) {
            return new Refusal(
                    403, "Action type " + type + " is disabled because your " + licence + " license has" + " expired.");
        }
        if (LICENCES.indexOf(licence) < LICENCES.indexOf(needs)) {
            return new Refusal(
                    403,
                    "Action type " + type + " is disabled because your " + licence + " license does"
                            + " not support it. Please upgrade your license.");
        }
        return null;
    }

    private static void error(HttpExchange exchange, int status, String error, String message) throws IOException {
        ObjectNode body = Exported.JSON
                .createObjectNode()
                .put("statusCode", status)
                .put("error", error)
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

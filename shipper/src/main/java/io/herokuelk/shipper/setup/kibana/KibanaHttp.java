package io.herokuelk.shipper.setup.kibana;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Kibana's HTTP API as setup uses it: JSON in and out, {@code kbn-xsrf} on every request (Kibana refuses writes
 * without it), credentials, the space prefix, and the multipart upload of the import API.
 */
final class KibanaHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** An answer: its status and its JSON body ({@link MissingNode} when it had none or was not JSON). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Kibana's own error sentence ({@code message}), or the status. */
        String message() {
            return body.path("message").asString("HTTP " + status);
        }
    }

    private final KibanaSettings settings;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    KibanaHttp(KibanaSettings settings) {
        this.settings = settings;
    }

    String where() {
        return settings.url().toString();
    }

    /** The space setup writes into ({@code default} when none is set). */
    String space() {
        return settings.space();
    }

    /** See {@link KibanaSettings#idInSpace}. */
    String idInSpace(String id) {
        return settings.idInSpace(id);
    }

    /** Outside any space: the status API is global. */
    Answer status() throws IOException, InterruptedException {
        return send(request(settings.url() + "/api/status").GET());
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(request(inSpace(path)).GET());
    }

    Answer post(String path, JsonNode body) throws IOException, InterruptedException {
        return send(json(request(inSpace(path)), "POST", body));
    }

    Answer put(String path, JsonNode body) throws IOException, InterruptedException {
        return send(json(request(inSpace(path)), "PUT", body));
    }

    /** {@code POST /api/saved_objects/_import?overwrite=true}, the NDJSON as the multipart field {@code file}. */
    Answer importObjects(String ndjson, String filename) throws IOException, InterruptedException {
        String boundary = "heroku-elk-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: application/ndjson\r\n\r\n"
                + ndjson + "\r\n--" + boundary + "--\r\n";
        return send(request(inSpace("/api/saved_objects/_import?overwrite=true"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private String inSpace(String path) {
        return settings.url() + settings.spacePrefix() + path;
    }

    private HttpRequest.Builder request(String uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri))
                .timeout(TIMEOUT)
                .header("kbn-xsrf", "true")
                .header("Accept", "application/json");
        settings.apiKey().ifPresent(key -> builder.header("Authorization", "ApiKey " + key.reveal()));
        if (settings.username().isPresent() && settings.password().isPresent()) {
            String pair =
                    settings.username().get() + ":" + settings.password().get().reveal();
            builder.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private static HttpRequest.Builder json(HttpRequest.Builder builder, String method, JsonNode body) {
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private Answer send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body;
        try {
            body = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
        } catch (JacksonException e) {
            body = MissingNode.getInstance();
        }
        return new Answer(response.statusCode(), body);
    }
}

package io.herokuelk.app.http;

import java.util.Map;

/**
 * What a handler answers.
 *
 * @param status HTTP status
 * @param body body bytes, empty for none
 * @param contentType content type of the body
 * @param headers extra response headers
 */
public record Response(int status, byte[] body, String contentType, Map<String, String> headers) {

    public static final String JSON = "application/json";

    public static Response json(int status, Object value) {
        return new Response(status, Json.write(value), JSON, Map.of());
    }

    public static Response ok(Object value) {
        return json(200, value);
    }

    public static Response noContent() {
        return new Response(204, new byte[0], JSON, Map.of());
    }

    public static Response error(int status, String message) {
        return json(status, Map.of("error", message));
    }

    public Response withHeader(String name, String value) {
        var copy = new java.util.LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, body, contentType, Map.copyOf(copy));
    }
}

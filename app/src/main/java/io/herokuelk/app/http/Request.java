package io.herokuelk.app.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A request as the handlers see it: method, decoded path, query parameters, path parameters and a body read with a
 * size limit.
 */
public final class Request {

    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, String> pathParams;
    private final HeaderSource headers;
    private final InputStream body;

    /** Header lookup, so handlers can be tested without a server exchange. */
    @FunctionalInterface
    public interface HeaderSource {
        String first(String name);
    }

    public Request(
            String method,
            String path,
            String rawQuery,
            Map<String, String> pathParams,
            HeaderSource headers,
            InputStream body) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.pathParams = pathParams;
        this.headers = headers;
        this.body = body;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Request withPathParams(Map<String, String> params) {
        return new Request(method, path, rawQuery, params, headers, body);
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.first(name));
    }

    public Optional<String> query(String name) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** An integer query parameter within bounds, or the default when absent; 400 otherwise. */
    public int intQuery(String name, int defaultValue, int min, int max) {
        Optional<String> value = query(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HttpError.badRequest(name + " must be a whole number from " + min + " to " + max);
    }

    /** Reads the body, refusing with 413 past {@code maxBytes} so a large body cannot fill the heap. */
    public byte[] body(int maxBytes) {
        try {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new HttpError(413, "body larger than " + maxBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

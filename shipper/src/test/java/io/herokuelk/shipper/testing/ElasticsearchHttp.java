package io.herokuelk.shipper.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP to a node, for tests that check what is stored the way a user with curl would. */
public final class ElasticsearchHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String url;

    public ElasticsearchHttp(String url) {
        this.url = url;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request with a JSON body ({@code /_bulk} bodies as NDJSON). */
    public HttpResponse<String> send(String method, String path, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", path.startsWith("/_bulk") ? "application/x-ndjson" : "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

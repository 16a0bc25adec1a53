package io.herokuelk.bench.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Counts the fault suite's markers in Elasticsearch: how often each line of an app was stored. */
final class StoredMarkers {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern MARKER = Pattern.compile("line (m\\d+x\\d+x\\d+) of ");
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI elasticsearch;

    StoredMarkers(URI elasticsearch) {
        this.elasticsearch = elasticsearch;
    }

    /** How many documents of the app are stored: cheap enough to ask every second while waiting. */
    long count(String app) throws IOException, InterruptedException {
        post("/logs-*/_refresh", "");
        return JSON.readTree(
                        post("/logs-heroku.app-*/_count", "{\"query\":{\"term\":{\"heroku.app\":\"" + app + "\"}}}"))
                .path("count")
                .asLong(0);
    }

    /**
     * Each marker of the app's stored lines, with how many documents hold it. Paged in a point in time, so that every
     * page reads the same shard copies: without one, a page may come from a replica where the last document of the
     * page before has another {@code _doc}, and that document is read twice (a duplicate that is not stored twice).
     */
    Map<String, Integer> of(String app) throws IOException, InterruptedException {
        post("/logs-*/_refresh", "");
        String pit = JSON.readTree(post("/logs-heroku.app-*/_pit?keep_alive=2m", ""))
                .path("id")
                .asString();
        Map<String, Integer> counts = new HashMap<>();
        String after = null;
        try {
            while (true) {
                String body = "{\"size\":2000,\"_source\":[\"message\"],\"query\":{\"term\":{\"heroku.app\":\""
                        + app + "\"}},\"pit\":{\"id\":\"" + pit + "\",\"keep_alive\":\"2m\"},"
                        + "\"sort\":[{\"event.id\":\"asc\"},{\"_shard_doc\":\"asc\"}]"
                        + (after == null ? "" : ",\"search_after\":" + after) + "}";
                JsonNode hits =
                        JSON.readTree(post("/_search", body)).path("hits").path("hits");
                for (JsonNode hit : hits) {
                    Matcher m =
                            MARKER.matcher(hit.path("_source").path("message").asString(""));
                    if (m.find()) {
                        counts.merge(m.group(1), 1, Integer::sum);
                    }
                }
                if (hits.size() < 2000) {
                    return counts;
                }
                after = hits.get(hits.size() - 1).path("sort").toString();
            }
        } finally {
            send("DELETE", "/_pit", "{\"id\":\"" + pit + "\"}");
        }
    }

    private String post(String path, String body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    private String send(String method, String path, String body) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(elasticsearch.resolve(path))
                                .header("Content-Type", "application/json")
                                .method(method, HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}

package io.herokuelk.standin.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What reached Elasticsearch, counted with the same queries the report tells the reader to run: the proof that the
 * story went through Kafka and the indexer, not only through the alerter.
 */
final class ElasticsearchCounts {

    /** Description to the path and query string under the Elasticsearch URL. */
    static final Map<String, String> QUERIES = queries();

    private final HttpClient client;
    private final URI elasticsearch;

    ElasticsearchCounts(HttpClient client, URI elasticsearch) {
        this.client = client;
        this.elasticsearch = elasticsearch;
    }

    private static Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("R14 lines", count("logs-heroku.platform-*", "event.code:R14"));
        queries.put(
                "runtime-metrics memory samples", count("logs-heroku.runtime_metrics-*", "heroku.memory.quota_pct:*"));
        queries.put("router lines", count("logs-heroku.router-*", null));
        queries.put("app request events", count("logs-app.request-*", null));
        queries.put("app memory events", count("logs-app.memory-*", null));
        queries.put("alert notifications", count("logs-heroku_elk.alert-*", null));
        return queries;
    }

    private static String count(String streams, String query) {
        return "/" + streams + "/_count"
                + (query == null ? "" : "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    /** Refreshes, then counts each query; -1 where Elasticsearch did not answer. */
    Map<String, Long> counts() throws InterruptedException {
        send(HttpRequest.newBuilder(elasticsearch.resolve("/logs-*/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> query : QUERIES.entrySet()) {
            String body = send(HttpRequest.newBuilder(elasticsearch.resolve(query.getValue()))
                    .GET());
            long count = -1;
            if (body != null) {
                count = JsonMapper.builder()
                        .build()
                        .readTree(body)
                        .path("count")
                        .asLong(-1);
            }
            counts.put(query.getKey(), count);
        }
        return counts;
    }

    private String send(HttpRequest.Builder request) throws InterruptedException {
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        }
    }
}

package io.herokuelk.devstack.runner;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.herokuelk.devstack.testing.ElasticsearchEndpoint;
import io.herokuelk.devstack.testing.RealServices;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticsearchRunnerIT {

    private static final String STREAM = "logs-runner.test-default";

    private ElasticsearchClient client;

    @BeforeAll
    void indexThreeDocuments(ElasticsearchEndpoint elasticsearch) throws Exception {
        client = ElasticsearchClient.of(b -> b.host(elasticsearch.url()));
        client.indices()
                .putIndexTemplate(t -> t.name("runner-test")
                        .indexPatterns("logs-runner.test-*")
                        .dataStream(d -> d)
                        .priority(500L)
                        .template(tp -> tp.settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
                                .mappings(m -> m.withJson(new StringReader("""
                                {"properties": {
                                  "@timestamp": {"type": "date"},
                                  "heroku": {"properties": {
                                    "dyno": {"type": "keyword"},
                                    "memory": {"properties": {"rss_mb": {"type": "float"}}}}}}}
                                """)))));
        List<Map<String, Object>> documents = List.of(
                document("2026-11-26T10:00:00Z", "web.1", 120.5),
                document("2026-11-26T10:00:20Z", "web.1", 880.0),
                document("2026-11-26T10:00:20Z", "web.2", 210.25));
        BulkResponse bulk = client.bulk(b -> {
            for (int i = 0; i < documents.size(); i++) {
                String id = "doc-" + i;
                Map<String, Object> document = documents.get(i);
                b.operations(op -> op.create(c -> c.index(STREAM).id(id).document(document)));
            }
            return b;
        });
        assertThat(bulk.errors()).as("bulk errors: %s", bulk.items()).isFalse();
        client.indices().refresh(r -> r.index(STREAM));
    }

    @AfterAll
    void closeClient() throws Exception {
        client.close();
    }

    private static Map<String, Object> document(String timestamp, String dyno, double rssMb) {
        return Map.of("@timestamp", timestamp, "heroku", Map.of("dyno", dyno, "memory", Map.of("rss_mb", rssMb)));
    }

    @Test
    void theTemplateMadeADataStreamWithTheMappedTypes() throws Exception {
        var mapping = client.indices().getMapping(m -> m.index(STREAM));

        assertThat(mapping.mappings()).hasSize(1);
        String json = mapping.mappings().values().iterator().next().mappings().toString();
        assertThat(json).contains("\"dyno\":{\"type\":\"keyword\"").contains("\"rss_mb\":{\"type\":\"float\"");
    }

    @Test
    void aSearchByDynoFindsItsDocuments() throws Exception {
        SearchResponse<Void> response = client.search(
                s -> s.index(STREAM)
                        .query(q -> q.term(t -> t.field("heroku.dyno").value("web.1"))),
                Void.class);

        assertThat(response.hits().total().value()).isEqualTo(2);
    }

    @Test
    void aggregationsGiveTheLargestRssPerDynoAndPerMinute() throws Exception {
        SearchResponse<Void> response = client.search(
                s -> s.index(STREAM)
                        .size(0)
                        .aggregations(
                                "per_dyno",
                                a -> a.terms(t -> t.field("heroku.dyno"))
                                        .aggregations("max_rss", m -> m.max(x -> x.field("heroku.memory.rss_mb"))))
                        .aggregations(
                                "per_minute",
                                a -> a.dateHistogram(
                                        h -> h.field("@timestamp").calendarInterval(CalendarInterval.Minute))),
                Void.class);

        var dynos = response.aggregations().get("per_dyno").sterms().buckets().array();
        assertThat(dynos).extracting(b -> b.key().stringValue()).containsExactly("web.1", "web.2");
        assertThat(dynos.getFirst().aggregations().get("max_rss").max().value()).isEqualTo(880.0);
        var minutes = response.aggregations()
                .get("per_minute")
                .dateHistogram()
                .buckets()
                .array();
        assertThat(minutes).hasSize(1);
        assertThat(minutes.getFirst().docCount()).isEqualTo(3);
    }
}

package io.herokuelk.shipper.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.indices.IndexState;
import io.herokuelk.devstack.testing.ElasticsearchEndpoint;
import io.herokuelk.devstack.testing.KafkaEndpoint;
import io.herokuelk.devstack.testing.RealServices;
import io.herokuelk.shipper.config.ElasticsearchSettings;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.setup.SetupCommand;
import io.herokuelk.shipper.testing.RunningIngest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A drain is untrusted: an app's lines naming Heroku's datasets, invented ones and invalid names go through the real
 * drain, broker, indexer and node, into templates {@code setup} installed, and afterwards exactly the data streams
 * the rule allows exist ({@code AppDatasets}), each one a data stream (no plain index outside every template).
 */
@ExtendWith(RealServices.class)
class TenantIsolationIT {

    private static final Path HOSTILE = Path.of("src/test/resources/golden/app-datasets.logplex");

    @Test
    @SuppressWarnings("rawtypes")
    void hostileDatasetsCreateNoIndexAndLandInTheAppsOwnStream(KafkaEndpoint kafka, ElasticsearchEndpoint node)
            throws Exception {
        String namespace = "tenant" + UUID.randomUUID().toString().substring(0, 8);
        String events = "tenant-events-" + namespace;
        Map<String, String> env =
                IndexerFixture.environment(kafka.bootstrapServers(), node.url(), events, events + "-dead", namespace);
        setup(env);
        byte[] body = Files.readAllBytes(HOSTILE);
        int messages = 8;

        try (RunningIngest ingest = RunningIngest.start(kafka.bootstrapServers(), events, events + "-dead", Map.of());
                var indexer = IndexerFixture.start(env);
                ElasticsearchClient client = ElasticsearchClients.create(
                        ElasticsearchSettings.from(new Environment(Map.of("ELASTICSEARCH_URL", node.url()))))) {
            assertThat(ingest.post("/logs/tenant", body, "5EED5EED5EED5EED5EED5EED5EED5EED", true)
                            .statusCode())
                    .isEqualTo(204);
            String all = "*-" + namespace;
            await().atMost(Duration.ofSeconds(60)).until(() -> count(client, all) == messages);

            Map<String, IndexState> indices =
                    client.indices().get(g -> g.index(all)).indices();
            assertThat(indices.values())
                    .as("every index is a data stream's backing index")
                    .allSatisfy(state -> assertThat(state.dataStream()).isNotNull());
            Map<String, Long> streams = new TreeMap<>();
            indices.values().forEach(state -> streams.merge(state.dataStream(), 1L, Long::sum));
            assertThat(streams.keySet())
                    .containsExactly("logs-app.request-" + namespace, "logs-heroku.app-" + namespace);
            assertThat(indices.values())
                    .as("the shipper's templates made them (best_compression is theirs)")
                    .allSatisfy(state ->
                            assertThat(state.settings().index().codec()).isEqualTo("best_compression"));

            SearchResponse<Map> spoof = client.search(
                    s -> s.index(all)
                            .query(q -> q.term(
                                    t -> t.field("heroku.requested_dataset").value("heroku.router"))),
                    Map.class);
            assertThat(spoof.hits().hits()).hasSize(1);
            Map<?, ?> document = spoof.hits().hits().getFirst().source();
            assertThat(((Map<?, ?>) document.get("event")).get("dataset")).isEqualTo("heroku.app");
            assertThat(document.get("tags").toString()).contains("heroku_dataset_refused");
            assertThat(document.get("data_stream.namespace")).isEqualTo(namespace);
            assertThat(hits(client, all, "data_stream.dataset", "heroku.app")).isEqualTo(messages - 1);
            assertThat(hits(client, all, "data_stream.namespace", namespace))
                    .as("Kibana's dataset filters work")
                    .isEqualTo(messages);
            assertThat(hits(client, all, "ecs.version", "8.17.0")).isEqualTo(messages);
        }
    }

    private static void setup(Map<String, String> env) throws Exception {
        Map<String, String> variables = new HashMap<>(env);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SetupCommand setup = new SetupCommand(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit = setup.run(setup.configuration(variables));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    private static long count(ElasticsearchClient client, String target) {
        try {
            client.indices().refresh(r -> r.index(target).allowNoIndices(true).ignoreUnavailable(true));
            return client.count(c -> c.index(target).allowNoIndices(true).ignoreUnavailable(true))
                    .count();
        } catch (Exception e) {
            return -1;
        }
    }

    private static long hits(ElasticsearchClient client, String target, String field, String value) throws Exception {
        return client.count(c ->
                        c.index(target).query(q -> q.term(t -> t.field(field).value(value))))
                .count();
    }
}

package io.herokuelk.shipper.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.herokuelk.devstack.runner.ElasticsearchProcess;
import io.herokuelk.devstack.testing.KafkaEndpoint;
import io.herokuelk.devstack.testing.RealServices;
import io.herokuelk.shipper.config.ElasticsearchSettings;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.testing.Metrics;
import io.herokuelk.shipper.testing.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Credentials the cluster refuses, on a real node with security on: every bulk request is answered 401, so the
 * indexer stops, says so in its readiness and metrics (a refusal, not an outage), commits nothing, and an indexer
 * started with the right credentials stores every event once.
 */
@ExtendWith(RealServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticsearchCredentialsIT {

    private static final String USER = "indexer";
    private static final String PASSWORD = "right-password";

    private ElasticsearchProcess node;
    private ElasticsearchClient client;

    @BeforeAll
    void startNode() throws Exception {
        node = ElasticsearchProcess.secured(
                RealServices.runDirectory().resolve("elasticsearch-secured"), 0, 384, USER, PASSWORD);
        node.start();
        client = ElasticsearchClients.create(
                ElasticsearchSettings.from(new Environment(Map.of("ELASTICSEARCH_URL", url(PASSWORD)))));
    }

    @AfterAll
    void stopNode() throws Exception {
        client.close();
        node.close();
    }

    @Test
    void refusedCredentialsStopTheIndexerWithoutCommittingAndTheRightOnesStoreEverythingOnce(KafkaEndpoint kafka)
            throws Exception {
        String namespace = "credentials";
        String topic = "credentials-events";
        Topics.create(kafka.bootstrapServers(), 1, topic, topic + "-dead");
        Map<String, String> env = new HashMap<>(IndexerFixture.environment(
                kafka.bootstrapServers(), url("wrong-password"), topic, topic + "-dead", namespace));
        IndexerFixture.installTemplate(client, namespace);
        IndexerFixture.produce(kafka.bootstrapServers(), env, 0, 30, 200);

        try (var indexer = IndexerFixture.start(env)) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            Metrics.counter(indexer.registry(), "indexer_elasticsearch_refused", "status", "401") > 0);
            assertThat(indexer.service().stalledBecause()).contains("refuses this indexer (status 401)");
            assertThat(Metrics.counter(indexer.registry(), "indexer_elasticsearch_unavailable"))
                    .as("a refusal is not taken for an outage")
                    .isZero();
            assertThat(Metrics.counter(indexer.registry(), "indexer_documents", "outcome", "stored"))
                    .isZero();
        }
        assertThat(IndexerFixture.count(client, namespace)).isZero();

        env.put("ELASTICSEARCH_URL", url(PASSWORD));
        try (var indexer = IndexerFixture.start(env)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> IndexerFixture.count(client, namespace) == 30);
            assertThat(Metrics.counter(indexer.registry(), "indexer_documents", "outcome", "stored"))
                    .as("the first indexer committed nothing: the second one starts from the first event")
                    .isEqualTo(30);
            assertThat(indexer.service().stalledBecause()).isNull();
        }
    }

    private String url(String password) {
        return node.address().replace("http://", "http://" + USER + ":" + password + "@");
    }
}

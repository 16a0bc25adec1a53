package io.herokuelk.shipper.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.herokuelk.devstack.runner.ElasticsearchProcess;
import io.herokuelk.devstack.testing.KafkaEndpoint;
import io.herokuelk.devstack.testing.RealServices;
import io.herokuelk.shipper.config.ElasticsearchSettings;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.publish.EventHeaders;
import io.herokuelk.shipper.testing.Metrics;
import io.herokuelk.shipper.testing.TopicReader;
import io.herokuelk.shipper.testing.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Whole-request failures on a real node of this class's own: a request larger than its
 * {@code http.max_content_length} is split (and a lone document too large for it dead-lettered), and a node frozen
 * with SIGSTOP for longer than the indexer's {@code max.poll.interval.ms} is noticed (timeouts, metric, readiness)
 * without the group evicting the indexer, which then stores every event exactly once; and a cluster that refuses
 * writes (read-only: 403 on the whole request) stops the indexer without committing until it takes them again.
 */
@ExtendWith(RealServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticsearchFailuresIT {

    private ElasticsearchProcess node;
    private ElasticsearchClient client;

    @BeforeAll
    void startNode() throws Exception {
        node = new ElasticsearchProcess(
                RealServices.runDirectory().resolve("elasticsearch-small-requests"),
                0,
                384,
                Map.of("http.max_content_length", "64kb"));
        node.start();
        client = ElasticsearchClients.create(
                ElasticsearchSettings.from(new Environment(Map.of("ELASTICSEARCH_URL", node.address()))));
    }

    @AfterAll
    void stopNode() throws Exception {
        client.close();
        node.close();
    }

    @Test
    void requestsTooLargeForTheNodeAreSplitAndALoneTooLargeDocumentIsDeadLettered(KafkaEndpoint kafka)
            throws Exception {
        String namespace = "split" + suffix();
        Map<String, String> env = environment(
                kafka, namespace, Map.of("INDEXER_BATCH_DOCUMENTS", "200", "INDEXER_BATCH_WAIT_MS", "2000"));
        IndexerFixture.installTemplate(client, namespace);
        // 199 documents of about 1 KiB: a batch of about 200 KiB, three times what the node takes in one request.
        IndexerFixture.produce(kafka.bootstrapServers(), env, 0, 199, 1000);
        IndexerFixture.produce(kafka.bootstrapServers(), env, 199, 1, 80_000);

        try (var indexer = IndexerFixture.start(env)) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> IndexerFixture.count(client, namespace) == 199
                            && Metrics.counter(indexer.registry(), "indexer_documents", "outcome", "dead_lettered")
                                    == 1);
            // Not asserted: that no try counted as unavailable. The node may close the connection before its 413
            // can be read (a broken pipe); larger requests are then split all the same, a lone document retried.
            assertThat(Metrics.counter(indexer.registry(), "indexer_documents", "outcome", "stored"))
                    .isEqualTo(199);
        }
        var letters = TopicReader.read(
                kafka.bootstrapServers(), env.get("KAFKA_DEAD_LETTER_TOPIC"), 1, Duration.ofSeconds(20));
        assertThat(letters)
                .singleElement()
                .satisfies(letter -> assertThat(new String(
                                letter.headers().lastHeader(EventHeaders.REASON).value(), StandardCharsets.UTF_8))
                        .startsWith("request_status_413"));
    }

    @Test
    void aHungNodeIsNoticedAndTheGroupKeepsTheIndexerAndItsPlace(KafkaEndpoint kafka) throws Exception {
        String namespace = "hang" + suffix();
        Map<String, String> env = environment(
                kafka,
                namespace,
                Map.of(
                        "ELASTICSEARCH_TIMEOUT_MS",
                        "2000",
                        "INDEXER_MAX_POLL_INTERVAL_MS",
                        "10000",
                        "INDEXER_RETRY_MAX_MS",
                        "2000"));
        IndexerFixture.installTemplate(client, namespace);
        IndexerFixture.produce(kafka.bootstrapServers(), env, 0, 50, 300);

        try (var indexer = IndexerFixture.start(env)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> IndexerFixture.count(client, namespace) == 50);
            signal("STOP");
            try {
                IndexerFixture.produce(kafka.bootstrapServers(), env, 50, 50, 300);
                // Frozen for 25 s, two and a half times max.poll.interval.ms.
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> Metrics.counter(indexer.registry(), "indexer_elasticsearch_unavailable") > 0);
                assertThat(indexer.service().stalledBecause()).contains("Elasticsearch is unavailable");
                Thread.sleep(Duration.ofSeconds(20));
            } finally {
                signal("CONT");
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> IndexerFixture.count(client, namespace) == 100);
            assertThat(Metrics.counter(indexer.registry(), "indexer_partition_assignments"))
                    .as("the group never took the partitions away")
                    .isEqualTo(1);
            assertThat(Metrics.counter(indexer.registry(), "indexer_documents", "outcome", "stored")
                            + Metrics.counter(indexer.registry(), "indexer_documents", "outcome", "already_stored"))
                    .isEqualTo(100);
            await().atMost(Duration.ofSeconds(10)).until(() -> indexer.service().stalledBecause() == null);
        }
    }

    /**
     * A cluster put in read-only mode refuses every bulk request whole with 403: the indexer stops with the status
     * in its readiness, commits nothing, keeps its place, and stores everything once the cluster takes writes again.
     */
    @Test
    void aClusterThatRefusesWritesStopsTheIndexerUntilItTakesThemAgain(KafkaEndpoint kafka) throws Exception {
        String namespace = "refused" + suffix();
        Map<String, String> env = environment(kafka, namespace, Map.of("INDEXER_RETRY_MAX_MS", "1000"));
        IndexerFixture.installTemplate(client, namespace);
        readOnly(true);
        try {
            IndexerFixture.produce(kafka.bootstrapServers(), env, 0, 30, 200);
            try (var indexer = IndexerFixture.start(env)) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() ->
                                Metrics.counter(indexer.registry(), "indexer_elasticsearch_refused", "status", "403")
                                        > 0);
                assertThat(indexer.service().stalledBecause()).contains("refuses this indexer (status 403)");
                assertThat(Metrics.counter(indexer.registry(), "indexer_elasticsearch_unavailable"))
                        .as("a refusal is not taken for an outage")
                        .isZero();
                readOnly(false);
                await().atMost(Duration.ofSeconds(60)).until(() -> IndexerFixture.count(client, namespace) == 30);
                assertThat(Metrics.counter(indexer.registry(), "indexer_documents", "outcome", "stored"))
                        .isEqualTo(30);
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> indexer.service().stalledBecause() == null);
            }
        } finally {
            readOnly(false);
        }
    }

    private void readOnly(boolean on) throws Exception {
        client.cluster()
                .putSettings(r -> r.persistent("cluster.blocks.read_only", co.elastic.clients.json.JsonData.of(on)));
    }

    private Map<String, String> environment(KafkaEndpoint kafka, String namespace, Map<String, String> extra) {
        String topic = "failures-" + namespace;
        Topics.create(kafka.bootstrapServers(), 1, topic, topic + "-dead");
        Map<String, String> env = new HashMap<>(IndexerFixture.environment(
                kafka.bootstrapServers(), node.address(), topic, topic + "-dead", namespace));
        env.putAll(extra);
        return env;
    }

    private void signal(String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(node.pid()))
                .inheritIO()
                .start();
        assertThat(kill.waitFor()).as("kill -%s", signal).isZero();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

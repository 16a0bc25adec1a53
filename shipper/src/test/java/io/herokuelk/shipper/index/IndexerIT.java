package io.herokuelk.shipper.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.herokuelk.devstack.runner.ElasticsearchProcess;
import io.herokuelk.devstack.runner.Ports;
import io.herokuelk.devstack.testing.ElasticsearchEndpoint;
import io.herokuelk.devstack.testing.KafkaEndpoint;
import io.herokuelk.devstack.testing.RealServices;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.publish.EventHeaders;
import io.herokuelk.shipper.testing.LogplexBodies;
import io.herokuelk.shipper.testing.RunningIngest;
import io.herokuelk.shipper.testing.TopicReader;
import io.herokuelk.shipper.testing.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every event exactly once in Elasticsearch, through the real drain, broker and node: redelivered batches,
 * restarted and killed indexers, an outage of the node, and a document the node refuses.
 */
@ExtendWith(RealServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexerIT {

    private static final int PER_BATCH = 50;

    private KafkaEndpoint kafka;
    private ElasticsearchEndpoint elasticsearch;
    private ElasticsearchClient client;

    @BeforeAll
    void connect(KafkaEndpoint kafka, ElasticsearchEndpoint elasticsearch) {
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        this.client = ElasticsearchClients.create(io.herokuelk.shipper.config.ElasticsearchSettings.from(
                new io.herokuelk.shipper.config.Environment(Map.of("ELASTICSEARCH_URL", elasticsearch.url()))));
    }

    @AfterAll
    void disconnect() throws Exception {
        client.close();
    }

    @Test
    void retriedBatchesAndRebalancesBetweenIndexersGiveEveryEventExactlyOnce() throws Exception {
        Scenario s = new Scenario(elasticsearch.url());
        s.createTopic(3);
        try (RunningIngest ingest = s.ingest()) {
            s.postBatches(ingest, 0, 10);
            s.postBatches(ingest, 0, 10); // Logplex retries: same Frame-Ids, same bodies
            try (var second = IndexerFixture.start(s.env)) {
                try (var first = IndexerFixture.start(s.env)) {
                    awaitTrue(() -> count(client, s.namespace) >= 200, Duration.ofSeconds(60));
                } // the first leaves: the second takes over its partitions
                s.postBatches(ingest, 10, 20);
                s.postBatches(ingest, 15, 20);
                try (var third = IndexerFixture.start(s.env)) { // and a newcomer takes some back
                    awaitTrue(() -> count(client, s.namespace) >= 20 * PER_BATCH, Duration.ofSeconds(90));
                    Thread.sleep(2_000); // let any duplicate that would arrive, arrive
                }
            }
        }
        assertThat(count(client, s.namespace)).isEqualTo(20 * PER_BATCH);
        assertThat(duplicatedRequestIds(client, s.namespace)).isEmpty();
    }

    @Test
    void replayReindexesATimeRangeIntoAnotherNamespace() throws Exception {
        Scenario s = new Scenario(elasticsearch.url());
        Instant before = Instant.now().minusSeconds(1);
        try (RunningIngest ingest = s.ingest()) {
            s.postBatches(ingest, 0, 4);
        }
        String target = s.namespace + "r";
        IndexerFixture.installTemplate(client, target);
        Environment env = new Environment(s.env);
        KafkaSettings kafkaSettings = KafkaSettings.from(env);
        IndexerSettings settings = IndexerSettings.from(env, kafkaSettings);
        List<Replay.Progress> reports = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(
                        Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
                var producer = new KafkaProducer<>(
                        IndexerService.deadLetterProducer(kafkaSettings),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            Replay replay = new Replay(
                    consumer,
                    IndexerService.bulkIndexer(client, settings),
                    new IndexDeadLetters(producer, s.deadLetters, client, target, java.time.Clock.systemUTC()),
                    target,
                    100);
            Replay.Progress done = replay.run(s.topic, before, Instant.now().plusSeconds(1), reports::add);

            assertThat(done.total()).isEqualTo(4 * PER_BATCH);
            assertThat(done.stored()).isEqualTo(4 * PER_BATCH);
            assertThat(reports).isNotEmpty();
        }
        assertThat(count(client, target)).isEqualTo(4 * PER_BATCH);
    }

    @Test
    void anIndexerProcessKilledMidBatchLosesAndDuplicatesNothing() throws Exception {
        Scenario s = new Scenario(elasticsearch.url());
        s.env.put("INDEXER_BATCH_DOCUMENTS", "25");
        s.env.put("INDEXER_BATCH_WAIT_MS", "20");
        int batches = 60;
        try (RunningIngest ingest = s.ingest()) {
            s.postBatches(ingest, 0, batches);
        }
        Process indexer = s.indexerProcess();
        try {
            awaitTrue(() -> count(client, s.namespace) >= batches * PER_BATCH / 4, Duration.ofSeconds(90));
            indexer.destroyForcibly().waitFor();
        } finally {
            indexer.destroyForcibly();
        }
        long atKill = count(client, s.namespace);
        assertThat(atKill).as("killed part-way").isLessThan(batches * PER_BATCH);

        Process restarted = s.indexerProcess();
        try {
            awaitTrue(() -> count(client, s.namespace) >= batches * PER_BATCH, Duration.ofSeconds(120));
            Thread.sleep(2_000);
        } finally {
            restarted.destroy();
            restarted.waitFor();
        }
        assertThat(count(client, s.namespace)).isEqualTo(batches * PER_BATCH);
        assertThat(duplicatedRequestIds(client, s.namespace)).isEmpty();
    }

    @Test
    void eventsSentWhileElasticsearchIsDownArriveWhenItReturns(@TempDir Path data) throws Exception {
        int port = Ports.free();
        try (ElasticsearchProcess node = new ElasticsearchProcess(data, port, 256)) {
            node.start();
            Scenario s = new Scenario(node.address());
            try (ElasticsearchClient own = client(node.address());
                    RunningIngest ingest = s.ingest();
                    var indexer = IndexerFixture.start(s.env)) {
                s.postBatches(ingest, 0, 4);
                awaitTrue(() -> count(own, s.namespace) >= 4 * PER_BATCH, Duration.ofSeconds(60));

                node.close();
                s.postBatches(ingest, 4, 10);
                awaitTrue(() -> metric(indexer, "indexer_elasticsearch_available") == 0, Duration.ofSeconds(30));
                node.start();

                awaitTrue(() -> count(own, s.namespace) >= 10 * PER_BATCH, Duration.ofSeconds(120));
                Thread.sleep(2_000);
                assertThat(count(own, s.namespace)).isEqualTo(10 * PER_BATCH);
                assertThat(metric(indexer, "indexer_elasticsearch_available")).isEqualTo(1);
            }
        }
    }

    @Test
    void aDocumentElasticsearchRefusesIsDeadLetteredAndItsNeighboursAreIndexed() throws Exception {
        Scenario s = new Scenario(elasticsearch.url());
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String status = i == 2 ? "\"not-a-number\"" : "200";
            frames.add(LogplexBodies.frame("<190>1 2026-11-26T10:00:0" + i + "+00:00 host app web.1 - "
                    + "{\"@timestamp\":\"2026-11-26T10:00:0" + i + "Z\",\"message\":\"request\",\"event.dataset\":"
                    + "\"app.request\",\"http.request.id\":\"app-" + i + "\",\"http.response.status_code\":"
                    + status + "}\n"));
        }
        try (RunningIngest ingest = s.ingest()) {
            assertThat(ingest.post("/logs/myapp", concat(frames), LogplexBodies.frameId(7), true)
                            .statusCode())
                    .isEqualTo(204);
        }
        try (var indexer = IndexerFixture.start(s.env)) {
            List<ConsumerRecord<byte[], byte[]>> letters =
                    TopicReader.read(kafka.bootstrapServers(), s.deadLetters, 1, Duration.ofSeconds(60));
            assertThat(letters).hasSize(1);
            ConsumerRecord<byte[], byte[]> letter = letters.getFirst();
            assertThat(EventHeaders.text(letter.headers(), EventHeaders.STAGE)).isEqualTo("indexing");
            assertThat(EventHeaders.text(letter.headers(), EventHeaders.REASON)).contains("status_code");
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains("not-a-number");
            awaitTrue(() -> count(client, s.namespace) >= 4, Duration.ofSeconds(30));
            Thread.sleep(1_000);
            assertThat(count(client, "logs-app.request-" + s.namespace, true)).isEqualTo(4);
            awaitTrue(
                    () -> count(client, DataStreams.name(DataStreams.DEAD_LETTER_DATASET, s.namespace), true) == 1,
                    Duration.ofSeconds(30));
        }
    }

    /** One test's own topics, namespace and consumer group, so tests never see each other's events. */
    private final class Scenario {
        final String namespace =
                "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        final String topic = "events-" + namespace;
        final String deadLetters = "dead-" + namespace;
        final Map<String, String> env;

        Scenario(String elasticsearchUrl) throws Exception {
            env = new java.util.HashMap<>(IndexerFixture.environment(
                    kafka.bootstrapServers(), elasticsearchUrl, topic, deadLetters, namespace));
            try (ElasticsearchClient own = client(elasticsearchUrl)) {
                IndexerFixture.installTemplate(own, namespace);
            }
        }

        void createTopic(int partitions) {
            Topics.create(kafka.bootstrapServers(), partitions, topic);
        }

        RunningIngest ingest() throws Exception {
            return RunningIngest.start(kafka.bootstrapServers(), topic, deadLetters, Map.of());
        }

        void postBatches(RunningIngest ingest, int from, int to) throws Exception {
            for (int batch = from; batch < to; batch++) {
                byte[] body = LogplexBodies.routerLines(batch * PER_BATCH, PER_BATCH);
                int status = ingest.post("/logs/myapp", body, LogplexBodies.frameId(batch), true)
                        .statusCode();
                assertThat(status).as("batch %d", batch).isEqualTo(204);
            }
        }

        Process indexerProcess() throws Exception {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder builder = new ProcessBuilder(
                            java.toString(),
                            "-Xmx256m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            "io.herokuelk.shipper.Main",
                            "index")
                    .redirectErrorStream(true)
                    .redirectOutput(RealServices.runDirectory()
                            .resolve("indexer-" + namespace + ".log")
                            .toFile());
            RealServices.runDirectory().toFile().mkdirs();
            builder.environment().putAll(env);
            return builder.start();
        }
    }

    private static ElasticsearchClient client(String url) {
        return ElasticsearchClients.create(io.herokuelk.shipper.config.ElasticsearchSettings.from(
                new io.herokuelk.shipper.config.Environment(Map.of("ELASTICSEARCH_URL", url))));
    }

    private static long count(ElasticsearchClient client, String namespace) {
        return count(client, "logs-*-" + namespace, true);
    }

    private static long count(ElasticsearchClient client, String target, boolean refresh) {
        try {
            if (refresh) {
                client.indices()
                        .refresh(r -> r.index(target).allowNoIndices(true).ignoreUnavailable(true));
            }
            return client.count(c -> c.index(target).allowNoIndices(true).ignoreUnavailable(true))
                    .count();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Request ids stored more than once (exact: a terms aggregation on one shard). */
    private static List<String> duplicatedRequestIds(ElasticsearchClient client, String namespace) throws Exception {
        var response = client.search(
                s -> s.index("logs-*-" + namespace)
                        .size(0)
                        .aggregations(
                                "ids",
                                a -> a.terms(t -> t.field("http.request.id")
                                        .minDocCount(2)
                                        .size(100))),
                Void.class);
        return response.aggregations().get("ids").sterms().buckets().array().stream()
                .map(bucket -> bucket.key().stringValue())
                .toList();
    }

    private static double metric(IndexerFixture.Running indexer, String name) {
        return indexer.registry().scrape().stream()
                .filter(snapshot -> snapshot.getMetadata().getPrometheusName().equals(name))
                .flatMap(snapshot -> snapshot.getDataPoints().stream())
                .mapToDouble(point ->
                        ((io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot) point).getValue())
                .findFirst()
                .orElse(Double.NaN);
    }

    private static byte[] concat(List<byte[]> parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(200);
        }
    }
}

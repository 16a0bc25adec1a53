package io.herokuelk.shipper.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.herokuelk.shipper.config.ElasticsearchSettings;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.publish.EventHeaders;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Real indexers for tests: each runs {@link IndexerLoop} on its own thread against the real broker and node. */
final class IndexerFixture {

    private IndexerFixture() {}

    static Map<String, String> environment(
            String bootstrap, String elasticsearchUrl, String topic, String deadLetters, String namespace) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("ELASTICSEARCH_URL", elasticsearchUrl);
        env.put("KAFKA_EVENTS_TOPIC", topic);
        env.put("KAFKA_DEAD_LETTER_TOPIC", deadLetters);
        env.put("ELASTICSEARCH_NAMESPACE", namespace);
        env.put("INDEXER_GROUP_ID", "indexer-" + namespace);
        env.put("INDEXER_BATCH_DOCUMENTS", "100");
        env.put("INDEXER_BATCH_WAIT_MS", "100");
        env.put("INDEXER_RETRY_MAX_MS", "1000");
        return env;
    }

    static Running start(Map<String, String> variables) {
        Environment env = new Environment(variables);
        KafkaSettings kafka = KafkaSettings.from(env);
        ElasticsearchSettings elasticsearch = ElasticsearchSettings.from(env);
        IndexerSettings settings = IndexerSettings.from(env, kafka);
        env.validate();
        PrometheusRegistry registry = new PrometheusRegistry();
        return new Running(new IndexerService(kafka, elasticsearch, settings, registry), registry);
    }

    /** A data stream template for the test's namespace, mapping a few fields so that type errors can happen. */
    static void installTemplate(ElasticsearchClient client, String namespace) throws Exception {
        client.indices()
                .putIndexTemplate(t -> t.name("indexer-test-" + namespace)
                        .indexPatterns("logs-*-" + namespace)
                        .dataStream(d -> d)
                        .priority(900L)
                        .template(tp -> tp.settings(s -> s.numberOfShards("1")
                                        .numberOfReplicas("0")
                                        .refreshInterval(r -> r.time("1s")))
                                .mappings(m -> m.withJson(new StringReader("""
                                {"properties": {
                                  "@timestamp": {"type": "date"},
                                  "event": {"properties": {"id": {"type": "keyword"}}},
                                  "http": {"properties": {
                                    "request": {"properties": {"id": {"type": "keyword"}}},
                                    "response": {"properties": {"status_code": {"type": "long"}}}}}}}
                                """)))));
    }

    /** {@code count} small documents with ids {@code e<from>...} and {@code bytes} of message, as the drain sends them. */
    static void produce(String bootstrap, Map<String, String> env, int from, int count, int bytes) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", bootstrap),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = from; i < from + count; i++) {
                String document = "{\"@timestamp\":\"2026-11-26T10:00:00Z\",\"event\":{\"id\":\"e" + i
                        + "\"},\"message\":\"" + "x".repeat(bytes) + "\"}";
                var record = new ProducerRecord<byte[], byte[]>(
                        env.get("KAFKA_EVENTS_TOPIC"),
                        null,
                        null,
                        document.getBytes(StandardCharsets.UTF_8),
                        List.of(
                                new RecordHeader(EventHeaders.ID, ("e" + i).getBytes(StandardCharsets.UTF_8)),
                                new RecordHeader(EventHeaders.DATASET, "heroku.app".getBytes(StandardCharsets.UTF_8))));
                producer.send(record).get();
            }
        }
    }

    /** The documents searchable in the namespace's data streams, or -1 while the node cannot say. */
    static long count(ElasticsearchClient client, String namespace) {
        try {
            String target = "logs-*-" + namespace;
            client.indices().refresh(r -> r.index(target).allowNoIndices(true).ignoreUnavailable(true));
            return client.count(c -> c.index(target).allowNoIndices(true).ignoreUnavailable(true))
                    .count();
        } catch (Exception e) {
            return -1;
        }
    }

    record Running(IndexerService service, PrometheusRegistry registry) implements AutoCloseable {
        @Override
        public void close() {
            service.close();
        }
    }
}

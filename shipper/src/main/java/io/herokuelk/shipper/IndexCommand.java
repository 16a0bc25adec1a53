package io.herokuelk.shipper;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.herokuelk.shipper.config.ElasticsearchSettings;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.index.BulkIndexer;
import io.herokuelk.shipper.index.ElasticsearchClients;
import io.herokuelk.shipper.index.IndexDeadLetters;
import io.herokuelk.shipper.index.IndexerLoop;
import io.herokuelk.shipper.index.IndexerMetrics;
import io.herokuelk.shipper.index.IndexerSettings;
import io.herokuelk.shipper.retry.Backoff;
import io.herokuelk.shipper.retry.Sleeper;
import io.herokuelk.shipper.telemetry.MetricsServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** {@code index}: one indexer of the consumer group, until SIGTERM or Ctrl-C; start more to share partitions. */
final class IndexCommand implements ShipperCommand {

    private static final Logger LOG = LoggerFactory.getLogger(IndexCommand.class);

    @Override
    public int run(String[] args) throws Exception {
        Environment env = new Environment(System.getenv());
        KafkaSettings kafka = KafkaSettings.from(env);
        ElasticsearchSettings elasticsearch = ElasticsearchSettings.from(env);
        IndexerSettings settings = IndexerSettings.from(env, kafka);
        Optional<Integer> metricsPort = env.optional("METRICS_PORT").map(p -> env.integer("METRICS_PORT", 0, 0, 65535));
        env.validate();

        PrometheusRegistry registry = new PrometheusRegistry();
        ElasticsearchClient client = ElasticsearchClients.create(elasticsearch);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(deadLetterProducer(kafka),
                new ByteArraySerializer(), new ByteArraySerializer());
        IndexerLoop loop = new IndexerLoop(
                new KafkaConsumer<>(consumerProperties(kafka, settings), new ByteArrayDeserializer(),
                        new ByteArrayDeserializer()),
                new BulkIndexer(client, new Backoff(settings.retryInitial(), settings.retryMax()), Sleeper.REAL,
                        settings.maxItemRetries()),
                new IndexDeadLetters(producer, kafka.deadLetterTopic(), client, elasticsearch.namespace(),
                        Clock.systemUTC()),
                settings, elasticsearch.namespace(), new IndexerMetrics(registry));
        MetricsServer metrics = metricsPort.isPresent() ? new MetricsServer(metricsPort.get(), registry) : null;
        Thread worker = Thread.ofPlatform().name("indexer").start(loop);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            loop.stop();
            try {
                worker.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "indexer-shutdown"));
        LOG.info("Indexing {} into {} as consumer group {} (namespace {}).", settings.topic(), elasticsearch,
                settings.groupId(), elasticsearch.namespace());
        worker.join();
        producer.close();
        client.close();
        if (metrics != null) {
            metrics.close();
        }
        return 0;
    }

    static Map<String, Object> consumerProperties(KafkaSettings kafka, IndexerSettings settings) {
        Map<String, Object> properties = new HashMap<>(kafka.clientProperties());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchDocuments());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "heroku-elk-indexer");
        return properties;
    }

    static Map<String, Object> deadLetterProducer(KafkaSettings kafka) {
        Map<String, Object> properties = new HashMap<>(kafka.clientProperties());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "heroku-elk-indexer-dead-letters");
        return properties;
    }
}

package io.herokuelk.shipper.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.herokuelk.shipper.config.ElasticsearchSettings;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.retry.Backoff;
import io.herokuelk.shipper.retry.Sleeper;
import io.herokuelk.shipper.telemetry.ElasticsearchProbe;
import io.herokuelk.shipper.telemetry.Readiness;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** One indexer, wired and running on a thread of its own: what the {@code index} command starts, one per process. */
public final class IndexerService implements AutoCloseable {

    private final IndexerLoop loop;
    private final Thread thread;
    private final ElasticsearchClient client;
    private final KafkaProducer<byte[], byte[]> producer;
    private final ElasticsearchSettings elasticsearch;

    public IndexerService(
            KafkaSettings kafka,
            ElasticsearchSettings elasticsearch,
            IndexerSettings settings,
            PrometheusRegistry registry) {
        this.elasticsearch = elasticsearch;
        client = ElasticsearchClients.create(elasticsearch);
        producer = new KafkaProducer<>(deadLetterProducer(kafka), new ByteArraySerializer(), new ByteArraySerializer());
        loop = new IndexerLoop(
                new KafkaConsumer<>(
                        consumerProperties(kafka, settings), new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                bulkIndexer(client, settings),
                new IndexDeadLetters(
                        producer, kafka.deadLetterTopic(), client, elasticsearch.namespace(), Clock.systemUTC()),
                settings,
                elasticsearch.namespace(),
                new IndexerMetrics(registry));
        thread = Thread.ofPlatform().name("indexer").start(loop);
    }

    public static BulkIndexer bulkIndexer(ElasticsearchClient client, IndexerSettings settings) {
        return new BulkIndexer(
                BulkSender.of(client),
                new Backoff(settings.retryInitial(), settings.retryMax()),
                Sleeper.REAL,
                settings.maxItemRetries());
    }

    /** Readiness: whether the cluster answers this indexer's client. */
    public ElasticsearchProbe elasticsearchProbe() {
        return new ElasticsearchProbe(elasticsearch);
    }

    /** Why indexing is stalled now, or null ({@link IndexerLoop#problem()}). */
    public String stalledBecause() {
        return loop.problem();
    }

    /** Readiness: whether the indexer's own batches get stored (not paused on an unavailable or refusing cluster). */
    public Readiness.Probe loopProbe() {
        return new Readiness.Probe() {
            @Override
            public String name() {
                return "indexer";
            }

            @Override
            public void check() {
                String problem = stalledBecause();
                if (problem != null) {
                    throw new IllegalStateException(problem);
                }
            }
        };
    }

    /** Blocks until the loop has stopped. */
    public void awaitStop() throws InterruptedException {
        thread.join();
    }

    /** Stops after the batch under way (committing what is stored), then releases the clients. */
    @Override
    public void close() {
        loop.stop();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
        try {
            client.close();
        } catch (IOException e) {
            // Closing a client whose connections are already gone: nothing left to release.
        }
    }

    public static Map<String, Object> consumerProperties(KafkaSettings kafka, IndexerSettings settings) {
        Map<String, Object> properties = new HashMap<>(kafka.clientProperties());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchDocuments());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "heroku-elk-indexer");
        properties.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, settings.maxPollIntervalMs());
        properties.putAll(fetchBounds(settings));
        return properties;
    }

    /**
     * What the consumer may hold in fetched, not yet polled records: about one batch (Kafka's defaults, 50 MiB a
     * fetch, would let a backlog take a heap the size of a worker dyno's memory).
     */
    public static Map<String, Object> fetchBounds(IndexerSettings settings) {
        int fetch = (int) Math.max(1024 * 1024, Math.min(settings.batchBytes(), 16L * 1024 * 1024));
        return Map.of(
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
                fetch,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                Math.min(fetch, 1024 * 1024));
    }

    /** Dead letters must be durable before the batch's offsets are committed: acks from every replica. */
    public static Map<String, Object> deadLetterProducer(KafkaSettings kafka) {
        Map<String, Object> properties = new HashMap<>(kafka.clientProperties());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "heroku-elk-indexer-dead-letters");
        // Dead letters are rare and sent one batch at a time: Kafka's 32 MiB of buffer would sit idle on the heap.
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 8L * 1024 * 1024);
        return properties;
    }
}

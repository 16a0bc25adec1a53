package io.herokuelk.shipper;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.herokuelk.shipper.config.ElasticsearchSettings;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.index.ElasticsearchClients;
import io.herokuelk.shipper.index.IndexDeadLetters;
import io.herokuelk.shipper.index.IndexerService;
import io.herokuelk.shipper.index.IndexerSettings;
import io.herokuelk.shipper.index.Replay;

/**
 * {@code replay --from <instant> [--to <instant>] [--namespace <ns>]}: re-indexes the events whose Kafka timestamps
 * fall in the range, with a progress line. Documents already in the target data stream's write index answer 409 and
 * are counted, so a replay into the same namespace fills gaps; to re-index under a changed template, replay into a
 * new namespace.
 */
final class ReplayCommand implements ShipperCommand {

    private static final String USAGE = "usage: replay --from 2026-11-26T00:00:00Z [--to <instant>] [--namespace NS]";
    private final PrintStream err = System.err;

    /**
     * Where to read from and write to.
     *
     * @param kafka         the brokers and the events topic
     * @param elasticsearch the cluster, and the namespace unless {@code --namespace} says otherwise
     * @param indexer       batches and retries, as the indexer's
     */
    record Settings(KafkaSettings kafka, ElasticsearchSettings elasticsearch, IndexerSettings indexer) {
    }

    @Override
    public Settings configuration(Map<String, String> environment, String[] args) {
        Environment env = new Environment(environment);
        KafkaSettings kafka = KafkaSettings.from(env);
        ElasticsearchSettings elasticsearch = ElasticsearchSettings.from(env);
        IndexerSettings indexer = IndexerSettings.from(env, kafka);
        env.validate();
        return new Settings(kafka, elasticsearch, indexer);
    }

    @Override
    public int run(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Instant from;
        Instant to;
        try {
            from = Instant.parse(options.getOrDefault("--from", ""));
            to = options.containsKey("--to") ? Instant.parse(options.get("--to")) : Instant.now();
        } catch (DateTimeParseException e) {
            err.println(USAGE);
            return 2;
        }
        Settings configured = configuration(System.getenv(), args);
        KafkaSettings kafka = configured.kafka();
        ElasticsearchSettings elasticsearch = configured.elasticsearch();
        IndexerSettings settings = configured.indexer();
        String namespace = options.getOrDefault("--namespace", elasticsearch.namespace());

        Map<String, Object> consumerProperties = new HashMap<>(kafka.clientProperties());
        consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProperties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchDocuments());
        try (ElasticsearchClient client = ElasticsearchClients.create(elasticsearch);
             var consumer = new KafkaConsumer<>(consumerProperties, new ByteArrayDeserializer(),
                     new ByteArrayDeserializer());
             var producer = new KafkaProducer<>(IndexerService.deadLetterProducer(kafka), new ByteArraySerializer(),
                     new ByteArraySerializer())) {
            Replay replay = new Replay(consumer,
                    IndexerService.bulkIndexer(client, settings),
                    new IndexDeadLetters(producer, kafka.deadLetterTopic(), client, namespace, Clock.systemUTC()),
                    namespace, settings.batchDocuments());
            long started = System.nanoTime();
            Replay.Progress done = replay.run(settings.topic(), from, to, progress -> {
                double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
                err.printf("\rreplayed %,d of %,d events (%.0f%%), %,.0f/s", progress.done(), progress.total(),
                        progress.total() == 0 ? 100.0 : 100.0 * progress.done() / progress.total(),
                        progress.done() / seconds);
            });
            err.printf("%nReplayed %,d events from %s to %s into namespace %s: %,d stored, %,d already stored,"
                    + " %,d dead-lettered.%n", done.done(), from, to, namespace, done.stored(), done.alreadyStored(),
                    done.deadLettered());
        }
        return 0;
    }
}

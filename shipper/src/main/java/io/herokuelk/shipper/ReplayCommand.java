package io.herokuelk.shipper;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.herokuelk.shipper.config.ElasticsearchSettings;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.index.ElasticsearchClients;
import io.herokuelk.shipper.index.IndexDeadLetters;
import io.herokuelk.shipper.index.IndexerService;
import io.herokuelk.shipper.index.IndexerSettings;
import io.herokuelk.shipper.index.Replay;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code replay --from <instant> [--to <instant>] [--namespace <ns>]}: re-indexes the events whose Kafka timestamps
 * fall in the range, with a progress line. Documents already in the target data stream's write index answer 409 and
 * are counted, so a replay into the same namespace fills gaps; to re-index under a changed template, replay into a
 * new namespace.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        versionProvider = ShipperVersion.class,
        description = {
            "Re-indexes a time range of the events topic, with progress.",
            "What is already stored is counted, not duplicated; replay into a new namespace to re-index under",
            "changed templates."
        })
final class ReplayCommand implements ShipperCommand {

    private final PrintStream err = System.err;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "INSTANT",
            description = "the first Kafka timestamp to replay, e.g. 2026-11-26T00:00:00Z")
    private Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "the end of the range (default: now)")
    private Instant to;

    @Option(
            names = "--namespace",
            paramLabel = "NS",
            description = "the data streams' namespace to replay into (default: ELASTICSEARCH_NAMESPACE)")
    private String namespace;

    /**
     * Where to read from and write to.
     *
     * @param kafka         the brokers and the events topic
     * @param elasticsearch the cluster, and the namespace unless {@code --namespace} says otherwise
     * @param indexer       batches and retries, as the indexer's
     */
    record Settings(KafkaSettings kafka, ElasticsearchSettings elasticsearch, IndexerSettings indexer) {}

    @Override
    public Settings configuration(Map<String, String> environment) {
        Environment env = new Environment(environment);
        KafkaSettings kafka = KafkaSettings.from(env);
        ElasticsearchSettings elasticsearch = ElasticsearchSettings.from(env);
        IndexerSettings indexer = IndexerSettings.from(env, kafka);
        env.validate();
        return new Settings(kafka, elasticsearch, indexer);
    }

    @Override
    public Integer call() throws Exception {
        if (namespace != null && !ElasticsearchSettings.isNamespace(namespace)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Invalid value for option '--namespace': '" + namespace + "' "
                            + ElasticsearchSettings.NAMESPACE_RULE);
        }
        Instant until = to != null ? to : Instant.now();
        Settings configured = configuration(System.getenv());
        KafkaSettings kafka = configured.kafka();
        ElasticsearchSettings elasticsearch = configured.elasticsearch();
        IndexerSettings settings = configured.indexer();
        String target = namespace != null ? namespace : elasticsearch.namespace();
        Map<String, Object> consumerProperties = new HashMap<>(kafka.clientProperties());
        consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProperties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchDocuments());
        consumerProperties.putAll(IndexerService.fetchBounds(settings));
        try (ElasticsearchClient client = ElasticsearchClients.create(elasticsearch);
                var consumer = new KafkaConsumer<>(
                        consumerProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                var producer = new KafkaProducer<>(
                        IndexerService.deadLetterProducer(kafka),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            Replay replay = new Replay(
                    consumer,
                    IndexerService.bulkIndexer(client, settings),
                    new IndexDeadLetters(producer, kafka.deadLetterTopic(), client, target, Clock.systemUTC()),
                    target,
                    settings.batchDocuments());
            long started = System.nanoTime();
            Replay.Progress done = replay.run(settings.topic(), from, until, progress -> {
                double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
                err.printf(
                        "\rreplayed %,d of %,d events (%.0f%%), %,.0f/s",
                        progress.done(),
                        progress.total(),
                        progress.total() == 0 ? 100.0 : 100.0 * progress.done() / progress.total(),
                        progress.done() / seconds);
            });
            err.printf(
                    "%nReplayed %,d events from %s to %s into namespace %s: %,d stored, %,d already stored,"
                            + " %,d dead-lettered.%n",
                    done.done(), from, until, target, done.stored(), done.alreadyStored(), done.deadLettered());
        }
        return 0;
    }
}

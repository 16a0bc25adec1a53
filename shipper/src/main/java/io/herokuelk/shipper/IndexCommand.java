package io.herokuelk.shipper;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.herokuelk.shipper.config.ElasticsearchSettings;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.index.IndexerService;
import io.herokuelk.shipper.index.IndexerSettings;
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
        IndexerService indexer = new IndexerService(kafka, elasticsearch, settings, registry);
        MetricsServer metrics = metricsPort.isPresent() ? new MetricsServer(metricsPort.get(), registry) : null;
        Runtime.getRuntime().addShutdownHook(new Thread(indexer::close, "indexer-shutdown"));
        LOG.info("Indexing {} into {} as consumer group {} (namespace {}).", settings.topic(), elasticsearch,
                settings.groupId(), elasticsearch.namespace());
        indexer.awaitStop();
        if (metrics != null) {
            metrics.close();
        }
        return 0;
    }
}

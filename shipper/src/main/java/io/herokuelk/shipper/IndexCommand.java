package io.herokuelk.shipper;

import io.herokuelk.shipper.config.ElasticsearchSettings;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.index.IndexerService;
import io.herokuelk.shipper.index.IndexerSettings;
import io.herokuelk.shipper.telemetry.KafkaProbe;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** {@code index}: one indexer of the consumer group, until SIGTERM or Ctrl-C; start more to share partitions. */
@Command(
        name = "index",
        mixinStandardHelpOptions = true,
        versionProvider = ShipperVersion.class,
        description = {
            "Indexes the events topic into Elasticsearch data streams, every event once.",
            "One member of a consumer group: start more to share the partitions. Runs until SIGTERM."
        })
final class IndexCommand implements ShipperCommand {

    private static final Logger LOG = LoggerFactory.getLogger(IndexCommand.class);

    @Override
    public Roles.Plan configuration(Map<String, String> environment) {
        return Roles.plan(environment, IndexCommand::role);
    }

    @Override
    public Integer call() throws Exception {
        return Roles.run(configuration(System.getenv()));
    }

    /** The indexer, its settings read into {@code env} (which collects their problems). */
    static Role role(Environment env, KafkaSettings kafka) {
        ElasticsearchSettings elasticsearch = ElasticsearchSettings.from(env);
        IndexerSettings settings = IndexerSettings.from(env, kafka);
        return (registry, readiness) -> {
            IndexerService indexer = new IndexerService(kafka, elasticsearch, settings, registry);
            readiness.add(new KafkaProbe(kafka, "heroku-elk-indexer-readiness"));
            readiness.add(indexer.elasticsearchProbe());
            readiness.add(indexer.loopProbe());
            LOG.info(
                    "Indexing {} into Elasticsearch at {} as consumer group {}.",
                    settings.topic(),
                    elasticsearch.summary(),
                    settings.groupId());
            return new Role.Running("indexer", indexer::awaitStop, indexer::close);
        };
    }
}

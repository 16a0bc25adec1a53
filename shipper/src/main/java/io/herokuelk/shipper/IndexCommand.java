package io.herokuelk.shipper;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.herokuelk.shipper.config.ElasticsearchSettings;
import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import io.herokuelk.shipper.index.IndexerService;
import io.herokuelk.shipper.index.IndexerSettings;

/** {@code index}: one indexer of the consumer group, until SIGTERM or Ctrl-C; start more to share partitions. */
final class IndexCommand implements ShipperCommand {

    private static final Logger LOG = LoggerFactory.getLogger(IndexCommand.class);

    @Override
    public Roles.Plan configuration(Map<String, String> environment, String[] args) {
        return Roles.plan(environment, IndexCommand::role);
    }

    @Override
    public int run(String[] args) throws Exception {
        return Roles.run(configuration(System.getenv(), args));
    }

    /** The indexer, its settings read into {@code env} (which collects their problems). */
    static Role role(Environment env, KafkaSettings kafka) {
        ElasticsearchSettings elasticsearch = ElasticsearchSettings.from(env);
        IndexerSettings settings = IndexerSettings.from(env, kafka);
        return registry -> {
            IndexerService indexer = new IndexerService(kafka, elasticsearch, settings, registry);
            LOG.info("Indexing {} into {} as consumer group {} (namespace {}).", settings.topic(), elasticsearch,
                    settings.groupId(), elasticsearch.namespace());
            return new Role.Running("indexer", indexer::awaitStop, indexer::close);
        };
    }
}

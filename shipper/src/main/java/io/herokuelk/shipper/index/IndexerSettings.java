package io.herokuelk.shipper.index;

import io.herokuelk.shipper.config.Environment;
import io.herokuelk.shipper.config.KafkaSettings;
import java.time.Duration;

/**
 * How the indexer batches and retries.
 *
 * <p>Batches close at whichever bound comes first. Elasticsearch's own guidance is bulk requests of a few MB;
 * 5 MiB or 2,000 documents (Heroku lines give documents of 0.5-1.5 KB) keeps requests in that range, and a 1 s wait
 * keeps a quiet drain searchable within about two seconds (the wait plus the index's 1 s refresh).
 *
 * @param groupId         the indexers' consumer group ({@link io.herokuelk.shipper.config.KafkaNames#indexerGroup()})
 * @param topic           the events topic ({@link KafkaSettings#eventsTopic()})
 * @param alertsTopic     the alerts topic ({@link KafkaSettings#alertsTopic()}): alert history is indexed too
 * @param batchDocuments  {@code INDEXER_BATCH_DOCUMENTS}, default 2000
 * @param batchBytes      {@code INDEXER_BATCH_BYTES}, default 5 MiB
 * @param batchWait       {@code INDEXER_BATCH_WAIT_MS}, default 1000
 * @param retryInitial    {@code INDEXER_RETRY_INITIAL_MS}, default 100: first pause after a 429/5xx or an outage
 * @param retryMax        {@code INDEXER_RETRY_MAX_MS}, default 30000: the longest pause between tries
 * @param maxItemRetries  {@code INDEXER_MAX_ITEM_RETRIES}, default 10: a document still answered 429/5xx after this
 *                        many tries (minutes, with the backoff) is dead-lettered rather than blocking the partition
 * @param maxPollIntervalMs {@code INDEXER_MAX_POLL_INTERVAL_MS}, default 300000 (Kafka's): the group evicts an
 *                        indexer silent for longer; bulk requests end within {@code ELASTICSEARCH_TIMEOUT_MS} and the
 *                        indexer polls between tries, so an outage or a hung cluster does not cost its partitions
 */
public record IndexerSettings(
        String groupId,
        String topic,
        String alertsTopic,
        int batchDocuments,
        long batchBytes,
        Duration batchWait,
        Duration retryInitial,
        Duration retryMax,
        int maxItemRetries,
        int maxPollIntervalMs) {

    public static IndexerSettings from(Environment env, KafkaSettings kafka) {
        return new IndexerSettings(
                kafka.names().indexerGroup(),
                kafka.eventsTopic(),
                kafka.alertsTopic(),
                env.integer("INDEXER_BATCH_DOCUMENTS", 2000, 1, 100_000),
                env.number("INDEXER_BATCH_BYTES", 5L * 1024 * 1024, 1024, 100L * 1024 * 1024),
                env.millis("INDEXER_BATCH_WAIT_MS", 1000, 1, 60_000),
                env.millis("INDEXER_RETRY_INITIAL_MS", 100, 1, 60_000),
                env.millis("INDEXER_RETRY_MAX_MS", 30_000, 1, 600_000),
                env.integer("INDEXER_MAX_ITEM_RETRIES", 10, 0, 1000),
                env.integer("INDEXER_MAX_POLL_INTERVAL_MS", 300_000, 1_000, Integer.MAX_VALUE));
    }
}

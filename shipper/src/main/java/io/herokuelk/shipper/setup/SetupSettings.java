package io.herokuelk.shipper.setup;

import io.herokuelk.shipper.config.Environment;

/**
 * What {@code setup} creates, from the environment.
 *
 * @param retentionDays     {@code ELASTICSEARCH_RETENTION_DAYS}, default 30: how long documents are kept, by data
 *                          stream lifecycle or by the ILM policy's delete phase, whichever the cluster uses
 * @param partitions        {@code KAFKA_PARTITIONS}, default 6: the most indexer processes that can share the work
 * @param retentionHours    {@code KAFKA_RETENTION_HOURS}, default 72: long enough to replay a weekend's outage
 * @param replicationFactor {@code KAFKA_REPLICATION_FACTOR}, default -1: the broker's own default
 */
public record SetupSettings(int retentionDays, int partitions, int retentionHours, short replicationFactor) {

    public static SetupSettings from(Environment env) {
        int replication = env.integer("KAFKA_REPLICATION_FACTOR", -1, -1, 32);
        if (replication == 0) {
            env.problem("KAFKA_REPLICATION_FACTOR=0 is not a replication factor (use -1 for the broker's default)");
        }
        return new SetupSettings(
                env.integer("ELASTICSEARCH_RETENTION_DAYS", 30, 1, 36_500),
                env.integer("KAFKA_PARTITIONS", 6, 1, 10_000),
                env.integer("KAFKA_RETENTION_HOURS", 72, 1, 876_000),
                (short) replication);
    }

    public long retentionMs() {
        return retentionHours * 3_600_000L;
    }
}

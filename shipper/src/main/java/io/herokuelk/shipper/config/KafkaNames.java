package io.herokuelk.shipper.config;

/**
 * Every name the shipper uses on the broker: topics, consumer groups and transactional ids. {@code KAFKA_PREFIX} is
 * put in front of each of them here and nowhere else, because Heroku's multi-tenant plans refuse any topic or group
 * that does not start with it; a name made anywhere else would work locally and fail only on Heroku.
 *
 * @param prefix            {@code KAFKA_PREFIX}, empty by default (Heroku sets it on its Basic plans)
 * @param eventsTopic       {@code KAFKA_EVENTS_TOPIC}, default {@code heroku-logs}: every parsed event
 * @param deadLetterTopic   {@code KAFKA_DEAD_LETTER_TOPIC}, default {@code heroku-logs-dead-letters}
 * @param alertsTopic       {@code KAFKA_ALERTS_TOPIC}, default {@code heroku-alerts}: alert decisions, read by the
 *                          notifier and indexed as alert history
 * @param indexerGroup      {@code INDEXER_GROUP_ID}, default {@code heroku-elk-indexer}
 * @param alerterGroup      {@code ALERTER_GROUP_ID}, default {@code heroku-elk-alerter}: evaluation shares partitions
 * @param notifierGroup     {@code NOTIFIER_GROUP_ID}, default {@code heroku-elk-notifier}: delivery shares partitions
 * @param alerterTransactions the start of the alerter's transactional ids (each process adds its own suffix)
 */
public record KafkaNames(
        String prefix,
        String eventsTopic,
        String deadLetterTopic,
        String alertsTopic,
        String indexerGroup,
        String alerterGroup,
        String notifierGroup,
        String alerterTransactions) {

    public static KafkaNames from(Environment env) {
        String prefix = env.string("KAFKA_PREFIX", "");
        return new KafkaNames(
                prefix,
                prefix + env.string("KAFKA_EVENTS_TOPIC", "heroku-logs"),
                prefix + env.string("KAFKA_DEAD_LETTER_TOPIC", "heroku-logs-dead-letters"),
                prefix + env.string("KAFKA_ALERTS_TOPIC", "heroku-alerts"),
                prefix + env.string("INDEXER_GROUP_ID", "heroku-elk-indexer"),
                prefix + env.string("ALERTER_GROUP_ID", "heroku-elk-alerter"),
                prefix + env.string("NOTIFIER_GROUP_ID", "heroku-elk-notifier"),
                prefix + "heroku-elk-alerter-");
    }
}

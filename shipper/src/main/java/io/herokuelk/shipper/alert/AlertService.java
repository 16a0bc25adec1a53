package io.herokuelk.shipper.alert;

import io.herokuelk.shipper.alert.config.RuleConfig;
import io.herokuelk.shipper.alert.config.RulesConfig;
import io.herokuelk.shipper.alert.notify.DeliveryMetrics;
import io.herokuelk.shipper.alert.notify.Destination;
import io.herokuelk.shipper.alert.notify.Notifier;
import io.herokuelk.shipper.alert.notify.NotifierSettings;
import io.herokuelk.shipper.alert.rules.RuleEngine;
import io.herokuelk.shipper.alert.rules.RuleType;
import io.herokuelk.shipper.alert.rules.RuleTypes;
import io.herokuelk.shipper.config.KafkaSettings;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One alerter: evaluation ({@link AlerterLoop}) and delivery ({@link NotificationLoop}) on threads of their own, so a
 * slow destination never holds up evaluation. Several of them share the work through their two consumer groups.
 */
public final class AlertService implements AutoCloseable {

    /** Rule types that need every dyno of an app at once rather than one partition's share. */
    private static final Predicate<RuleConfig> APP_WIDE =
            rule -> RuleTypes.of(rule.type()).reach() == RuleType.Reach.APP_AT_ONCE;

    private final AlerterLoop alerter;
    private final NotificationLoop notifications;
    private final Notifier notifier;
    private final Thread evaluating;
    private final Thread delivering;

    public AlertService(
            KafkaSettings kafka,
            AlerterSettings settings,
            RulesConfig rules,
            List<Destination> destinations,
            NotifierSettings notifierSettings,
            PrometheusRegistry registry,
            Clock clock) {
        KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(transactionalProducer(kafka), new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions();
        alerter = new AlerterLoop(
                consumer(kafka, settings.groupId(), "latest"),
                producer,
                settings,
                () -> new RuleEngine(only(rules, APP_WIDE.negate()), clock),
                () -> new RuleEngine(only(rules, APP_WIDE), clock),
                clock);
        notifier = new Notifier(destinations, notifierSettings, new DeliveryMetrics(registry));
        notifications = new NotificationLoop(
                consumer(kafka, settings.notifierGroupId(), "earliest"), notifier, settings, clock);
        evaluating = Thread.ofPlatform().name("alert-evaluation").start(alerter);
        delivering = Thread.ofPlatform().name("alert-delivery").start(notifications);
    }

    /** Blocks until both loops have stopped. */
    public void awaitStop() throws InterruptedException {
        evaluating.join();
        delivering.join();
    }

    @Override
    public void close() {
        alerter.stop();
        notifications.stop();
        try {
            evaluating.join(30_000);
            delivering.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        notifier.close();
    }

    static RulesConfig only(RulesConfig rules, Predicate<RuleConfig> which) {
        return new RulesConfig(
                rules.context(),
                rules.limits(),
                rules.rules().stream().filter(which).toList());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(KafkaSettings kafka, String groupId, String reset) {
        Map<String, Object> properties = new HashMap<>(kafka.clientProperties());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, reset);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Bounded fetches: the alerter shares the worker dyno's memory with the indexer.
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 4 * 1024 * 1024);
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1024 * 1024);
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Each process its own transactional id: the consumer group's generation fences a stale one (KIP-447). */
    private static Map<String, Object> transactionalProducer(KafkaSettings kafka) {
        Map<String, Object> properties = new HashMap<>(kafka.clientProperties());
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, kafka.names().alerterTransactions() + UUID.randomUUID());
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 4L * 1024 * 1024); // alerts are few and small
        return properties;
    }
}

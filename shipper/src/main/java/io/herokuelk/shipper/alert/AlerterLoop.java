package io.herokuelk.shipper.alert;

import io.herokuelk.shipper.alert.model.Alert;
import io.herokuelk.shipper.alert.model.AlertEvaluator;
import io.herokuelk.shipper.alert.model.AlertJson;
import io.herokuelk.shipper.alert.model.Observation;
import io.herokuelk.shipper.alert.model.Observations;
import io.herokuelk.shipper.publish.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluates the alert rules on the event stream as a member of a consumer group, and publishes each decision to the
 * alerts topic in the same Kafka transaction that commits the events it was decided from. Several alerters share
 * the partitions; since one dyno's events stay in one partition, each condition is watched by exactly one of them,
 * and the transaction makes each decision appear once even when an alerter crashes or a rebalance moves work.
 *
 * <p>Rules keep windows in memory, one evaluator per partition, so that each dyno's state lives where its events
 * are. An alerter taking over a partition replays its last minutes ({@link AlerterSettings#lookback()}) through a
 * fresh evaluator without publishing, so the windows are whole again before it decides anything. App-wide rules that
 * need every dyno's events (silence) run in one evaluator for all the partitions this alerter holds, started afresh
 * at each rebalance.
 */
public final class AlerterLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(AlerterLoop.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] ALERT_DATASET = "heroku_elk.alert".getBytes(StandardCharsets.UTF_8);

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final AlerterSettings settings;
    private final Supplier<AlertEvaluator> evaluators;
    private final Supplier<AlertEvaluator> appWideEvaluators;
    private AlertEvaluator appWide;
    private final Clock clock;
    private final Map<TopicPartition, AlertEvaluator> byPartition = new HashMap<>();
    private final Map<TopicPartition, Long> replayUntil = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
    private volatile boolean running = true;
    private Instant lastTick = Instant.EPOCH;

    /**
     * @param producer          a transactional producer on which {@code initTransactions()} was called
     * @param evaluators        makes the evaluator of one partition (the per-dyno rules)
     * @param appWideEvaluators makes the evaluator of the app-wide rules, fed every partition's events
     */
    public AlerterLoop(
            Consumer<byte[], byte[]> consumer,
            Producer<byte[], byte[]> producer,
            AlerterSettings settings,
            Supplier<AlertEvaluator> evaluators,
            Supplier<AlertEvaluator> appWideEvaluators,
            Clock clock) {
        this.consumer = consumer;
        this.producer = producer;
        this.settings = settings;
        this.evaluators = evaluators;
        this.appWideEvaluators = appWideEvaluators;
        this.appWide = appWideEvaluators.get();
        this.clock = clock;
    }

    @Override
    public void run() {
        consumer.subscribe(List.of(settings.eventsTopic()), new Rebalance());
        try {
            while (running) {
                List<Alert> decided = new ArrayList<>();
                try {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        decided.addAll(observe(record));
                    }
                } catch (WakeupException e) {
                    break;
                }
                decided.addAll(tickIfDue());
                publish(decided);
            }
        } finally {
            producer.close(Duration.ofSeconds(5));
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    private List<Alert> observe(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        boolean replayed = record.offset() < replayUntil.getOrDefault(partition, -1L);
        if (!replayed) {
            // Replayed records are behind the committed offset already: committing them would move it back.
            uncommitted.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
        AlertEvaluator evaluator = byPartition.get(partition);
        if (evaluator == null) {
            return List.of();
        }
        Observation observation;
        try {
            observation = Observations.from(JSON.readTree(record.value()));
        } catch (RuntimeException e) {
            LOG.warn(
                    "Skipped an event that is not a JSON document (partition {}, offset {}).",
                    partition,
                    record.offset());
            return List.of();
        }
        List<Alert> alerts = new ArrayList<>(evaluator.observe(observation));
        alerts.addAll(appWide.observe(observation));
        // While replaying history the decisions were already made (and published) by the previous owner.
        return replayed ? List.of() : alerts;
    }

    private List<Alert> tickIfDue() {
        Instant now = clock.instant();
        if (Duration.between(lastTick, now).compareTo(settings.tick()) < 0) {
            return List.of();
        }
        lastTick = now;
        List<Alert> alerts = new ArrayList<>(appWide.tick(now));
        for (Map.Entry<TopicPartition, AlertEvaluator> entry : byPartition.entrySet()) {
            if (!replaying(entry.getKey())) {
                alerts.addAll(entry.getValue().tick(now));
            }
        }
        return alerts;
    }

    private boolean replaying(TopicPartition partition) {
        Long until = replayUntil.get(partition);
        return until != null && consumer.position(partition) < until;
    }

    /** Decisions and the offsets they were made from, in one transaction: both happen, or neither. */
    private void publish(List<Alert> alerts) {
        if (alerts.isEmpty() && uncommitted.isEmpty()) {
            return;
        }
        producer.beginTransaction();
        try {
            for (Alert alert : alerts) {
                producer.send(record(alert));
                LOG.info("Alert {} {}: {}", alert.state(), alert.key(), alert.summary());
            }
            producer.sendOffsetsToTransaction(Map.copyOf(uncommitted), consumer.groupMetadata());
            producer.commitTransaction();
            uncommitted.clear();
        } catch (RuntimeException e) {
            // Fenced, timed out or broken: give up this instance's view; the group re-reads from the last commit.
            abortQuietly();
            throw e;
        }
    }

    private ProducerRecord<byte[], byte[]> record(Alert alert) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader(EventHeaders.ID, alert.id().getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(EventHeaders.DATASET, ALERT_DATASET));
        return new ProducerRecord<>(
                settings.alertsTopic(),
                null,
                alert.key().getBytes(StandardCharsets.UTF_8),
                AlertJson.toBytes(alert),
                headers);
    }

    private void abortQuietly() {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            LOG.warn("Could not abort the alert transaction: {}", e.toString());
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            publish(List.of());
            partitions.forEach(byPartition::remove);
            partitions.forEach(replayUntil::remove);
            // Apps of the lost partitions now go quiet here without being quiet: forget them all and relearn.
            appWide = appWideEvaluators.get();
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(byPartition::remove);
            partitions.forEach(replayUntil::remove);
            partitions.forEach(uncommitted::remove);
            appWide = appWideEvaluators.get();
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            Map<TopicPartition, Long> since = new HashMap<>();
            long from = clock.instant().minus(settings.lookback()).toEpochMilli();
            partitions.forEach(partition -> since.put(partition, from));
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(since);
            for (TopicPartition partition : partitions) {
                byPartition.put(partition, evaluators.get());
                long resumeAt = consumer.position(partition);
                OffsetAndTimestamp start = starts.get(partition);
                if (start != null && start.offset() < resumeAt) {
                    replayUntil.put(partition, resumeAt);
                    consumer.seek(partition, start.offset());
                    LOG.info(
                            "Rebuilding alert state of {} from {} records of the last {} minutes.",
                            partition,
                            resumeAt - start.offset(),
                            settings.lookback().toMinutes());
                }
            }
        }
    }
}
